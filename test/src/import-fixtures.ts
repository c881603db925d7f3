import { runImport, type ImportOutcome, type RunImportOptions } from '@terep/data-import';
import { rollbackImportRun, type Engine } from '@terep/db';
import { TEST_ACTOR } from './test-users.ts';

/**
 * Imports test files for a suite and returns the function that rolls them back,
 * so the shared test databases end as they began.
 */
export interface FixtureFile {
  kind: RunImportOptions['kind'];
  fileName: string;
  bytes: Uint8Array;
}

export async function importFixtures(engine: Engine, files: readonly FixtureFile[]): Promise<() => Promise<void>> {
  const ids: number[] = [];
  for (const file of files) {
    const outcome = await runImport(engine, { ...file, dryRun: false, importedBy: 'test' });
    if (outcome.status !== 'imported') throw new Error(`fixture ${file.fileName} was not imported: ${JSON.stringify(outcome.report.problems)}`);
    ids.push(outcome.importId!);
  }
  return async () => {
    for (const id of ids) await rollbackImportRun(engine.db, id, TEST_ACTOR);
  };
}

/** A file imported for real by the tests' importer (no dry run), with any other options. */
export function importFile(engine: Engine, kind: FixtureFile['kind'], fileName: string, bytes: Uint8Array, extra: Partial<RunImportOptions> = {}): Promise<ImportOutcome> {
  return runImport(engine, { kind, fileName, bytes, dryRun: false, importedBy: 'test', ...extra });
}

/** An import's problems as `severity:CODE@row` (`@file` for the whole file), for comparing in one line. */
export const problemCodes = (outcome: ImportOutcome): string[] => outcome.report.problems.map((entry) => `${entry.severity}:${entry.code}@${entry.row ?? 'file'}`);
