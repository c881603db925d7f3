import type { Database, ImportKind, ImportProblem, Kysely } from '@terep/db';
import { validateTable, type ValidatedRow } from './validate-import.ts';

/**
 * One record typed into a form, checked by exactly the rules a file's row goes
 * through. `fields` is keyed by the kind's field names (`category`, `households`,
 * ...) and `ksh` for the settlement's KSH code; every value is text as a cell
 * would hold it. The problems name the key they are about in `column`.
 */
export async function validateRecord(
  db: Kysely<Database>,
  kind: ImportKind,
  fields: Record<string, string>,
): Promise<{ problems: ImportProblem[]; row: ValidatedRow | null }> {
  const { report, rows } = await validateTable(db, kind, 'form', {
    format: 'form',
    columns: Object.keys(fields),
    records: [{ location: 'form', row: 1, fields, geometry: null }],
  });
  return { problems: report.problems, row: rows[0] ?? null };
}
