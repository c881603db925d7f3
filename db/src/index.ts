export * from './schema.ts';
export * from './engine/engine.ts';
export { openEngine } from './engine/open-engine.ts';
export { engineOptionsFromEnv } from './engine/options-from-env.ts';
export { migrateToLatest, MigrationError } from './migrate.ts';
export { foldName } from './text/fold-name.ts';
export * from './queries/base-load.ts';
export * from './queries/derived-indicators.ts';
export * from './queries/table-counts.ts';
