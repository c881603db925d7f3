export { loadBase, ensureBaseData, type BaseLoadResult, type BaseLoadOptions } from './base/load-base.ts';
export { defaultBaseDirectory, BUNDLE_DIRECTORY, SHARED_DIRECTORY } from './base/base-source.ts';
export { ImportError } from './import-error.ts';
export { createProgress, silentProgress, type Progress } from './progress.ts';
export { formatLoadSummary } from './summary.ts';
