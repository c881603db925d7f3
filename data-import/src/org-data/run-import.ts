import { createImportRun, insertOrganisationRows, recordAudit, type AuditActor, type Engine, type ImportKind, type ImportOutcome, type ImportPolicy } from '@terep/db';
import { silentProgress, type Progress } from '../progress.ts';
import { validateImport, type ValidationOptions } from './validate-import.ts';

export type { ImportOutcome, ImportPolicy };

export interface RunImportOptions extends ValidationOptions {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  policy?: ImportPolicy | undefined;
  importedBy: string;
  /** Who the audit trail names; a command-line run is `importedBy` without a user id. */
  actor?: AuditActor | undefined;
  progress?: Progress | undefined;
}

const INSERT_BATCH = 2000;

/** Validates a file and, unless it is a dry run or the policy rejects it, writes its rows in one transaction. */
export async function runImport(engine: Engine, options: RunImportOptions): Promise<ImportOutcome> {
  const policy = options.policy ?? 'all-or-nothing';
  const progress = options.progress ?? silentProgress;
  const { report, rows } = await validateImport(engine.db, options.kind, options.fileName, options.bytes, options);
  const hasErrors = report.problems.some((entry) => entry.severity === 'error');
  const fileLevelError = report.problems.some((entry) => entry.severity === 'error' && entry.row === null);
  if (options.dryRun) return { report, status: 'validated', importId: null, written: 0, policy };
  if (rows.length === 0 || fileLevelError || (hasErrors && policy === 'all-or-nothing')) {
    return { report, status: 'rejected', importId: null, written: 0, policy };
  }
  const importId = await engine.db.transaction().execute(async (trx) => {
    const id = await createImportRun(trx, {
      kind: options.kind,
      fileName: options.fileName,
      importedBy: options.importedBy,
      rowCount: report.totalRows,
      importedCount: rows.length,
      skippedCount: report.totalRows - rows.length,
      warningCount: report.problems.filter((entry) => entry.severity === 'warning').length,
    });
    progress.step(`${options.kind}: ${options.fileName}`, rows.length);
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      await insertOrganisationRows(trx, options.kind, id, batch);
      progress.advance(batch.length);
    }
    progress.done();
    await recordAudit(trx, {
      actor: options.actor ?? { userId: null, username: options.importedBy }, action: 'import', objectKind: 'import', objectId: id, before: null,
      after: { kind: options.kind, fileName: options.fileName, importedCount: rows.length, skippedCount: report.totalRows - rows.length, policy },
    });
    return id;
  });
  return { report, status: 'imported', importId, written: rows.length, policy };
}
