import { sql, type Kysely } from 'kysely';
import type { ImportKind } from '../contract/imports.ts';
import type { Database } from '../schema.ts';

const TABLES: Record<ImportKind, string> = {
  institutions: 'institution',
  warehouses: 'warehouse',
  'segregated-areas': 'segregated_area',
  'need-signals': 'need_signal',
};

/** The counties an import's rows lie in (a regional user may roll back only imports within their own). */
export async function importCounties(db: Kysely<Database>, importId: number, kind: ImportKind): Promise<string[]> {
  const { rows } = await sql<{ county_code: string }>`
    SELECT DISTINCT s.county_code FROM ${sql.table(TABLES[kind])} t JOIN settlement s ON s.code = t.settlement_code
    WHERE t.import_id = ${importId} ORDER BY s.county_code`.execute(db);
  return rows.map((row) => row.county_code);
}
