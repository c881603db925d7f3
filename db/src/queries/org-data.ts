import { sql, type Kysely, type Transaction } from 'kysely';
import type { LocalisedText } from '../contract/common.ts';
import type { AuditActor } from '../contract/audit.ts';
import type { ImportKind, ImportRun, InstitutionType } from '../contract/imports.ts';
import { recordAudit } from './audit.ts';
import { insertProgrammeRows, programmeImportCountiesQuery, removeImportLeftovers } from './programme-imports.ts';
import type { Database } from '../schema.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function listInstitutionTypes(db: Db): Promise<InstitutionType[]> {
  const rows = await db.selectFrom('institution_type').select(['key', 'name_hu', 'name_en', 'builtin']).orderBy('sort_order').orderBy('key').execute();
  return rows.map((row) => ({ key: row.key, nameHu: row.name_hu, nameEn: row.name_en, builtin: row.builtin }));
}

/** Adds a service type to the controlled list (an admin's extension). */
export async function addInstitutionType(db: Db, type: { key: string; name: LocalisedText }): Promise<void> {
  const { rows } = await sql<{ next: number }>`SELECT coalesce(max(sort_order), 0)::int + 10 AS next FROM institution_type`.execute(db);
  await db.insertInto('institution_type')
    .values({ key: type.key, name_hu: type.name.hu, name_en: type.name.en, builtin: false, sort_order: rows[0]!.next })
    .execute();
}

export interface ImportRunInput {
  kind: ImportKind;
  fileName: string;
  importedBy: string;
  rowCount: number;
  importedCount: number;
  skippedCount: number;
  warningCount: number;
}

export async function createImportRun(db: Db, run: ImportRunInput): Promise<number> {
  const row = await db.insertInto('import_run').values({
    kind: run.kind, file_name: run.fileName, imported_by: run.importedBy, row_count: run.rowCount,
    imported_count: run.importedCount, skipped_count: run.skippedCount, warning_count: run.warningCount,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A validated row as the insert functions take it: values by field name, place already resolved. */
export interface PlacedRow {
  row: number;
  /** Null for the kinds placed by the areas they name (programmes, network members). */
  settlementCode: string | null;
  countyCode: string | null;
  lon: number | null;
  lat: number | null;
  /** A point without coordinates of its own, placed at its settlement's centre (institutions, warehouses). */
  placedAtCentre: boolean;
  area: string | null;
  repaired: boolean;
  values: Record<string, string | number | null>;
}

const point = sql`ST_SetSRID(ST_MakePoint(item.lon, item.lat), 4326)`;

function recordset(rows: readonly PlacedRow[]): string {
  return JSON.stringify(rows.map(({ values, ...place }) => ({ ...place, ...values })));
}

export async function insertOrganisationRows(db: Db, kind: ImportKind, importId: number, rows: readonly PlacedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const items = recordset(rows);
  switch (kind) {
    case 'institutions':
      await sql`
        INSERT INTO institution (import_id, source_row, name, type_key, address, settlement_code, capacity, operator, geom, placed_at_centre)
        SELECT ${importId}, item.row, item.name, item.type, item.address, item."settlementCode", item.capacity, item.operator, ${point}, item."placedAtCentre"
        FROM json_to_recordset(${items}::json) AS item(row integer, name text, type text, address text,
          "settlementCode" text, capacity integer, operator text, lon float8, lat float8, "placedAtCentre" boolean)`.execute(db);
      return;
    case 'warehouses':
      await sql`
        INSERT INTO warehouse (import_id, source_row, name, address, settlement_code, county_code, capacity, geom, placed_at_centre)
        SELECT ${importId}, item.row, item.name, item.address, item."settlementCode", item."countyCode", item.capacity, ${point}, item."placedAtCentre"
        FROM json_to_recordset(${items}::json) AS item(row integer, name text, address text, "settlementCode" text,
          "countyCode" text, capacity float8, lon float8, lat float8, "placedAtCentre" boolean)`.execute(db);
      return;
    case 'segregated-areas':
      await sql`
        INSERT INTO segregated_area (import_id, source_row, name, settlement_code, population, low_education_share,
          no_regular_income_share, source, year, repaired, geom)
        SELECT ${importId}, item.row, item.name, item."settlementCode", item.population, item."lowEducationShare",
          item."noRegularIncomeShare", item.source, item.year, item.repaired,
          ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(item.area), 4326))
        FROM json_to_recordset(${items}::json) AS item(row integer, name text, "settlementCode" text, population integer,
          "lowEducationShare" float8, "noRegularIncomeShare" float8, source text, year integer, repaired boolean, area text)`.execute(db);
      return;
    case 'need-signals':
      await sql`
        INSERT INTO need_signal (import_id, source_row, settlement_code, category, urgency, households, persons, reported_on, organisation)
        SELECT ${importId}, item.row, item."settlementCode", item.category, item.urgency, item.households, item.persons,
          item.date::date, item.organisation
        FROM json_to_recordset(${items}::json) AS item(row integer, "settlementCode" text, category text, urgency text,
          households integer, persons integer, date text, organisation text)`.execute(db);
      return;
    default:
      await insertProgrammeRows(db, kind, importId, rows);
  }
}

const KIND_TABLES = {
  institutions: 'institution',
  warehouses: 'warehouse',
  'segregated-areas': 'segregated_area',
  'need-signals': 'need_signal',
  programmes: 'project',
  partners: 'partner',
  'network-members': 'network_member',
  cases: 'case_record',
  activities: 'activity',
} as const satisfies Record<ImportKind, keyof Database>;

/** The counties an import's rows lie in (a regional user may roll back only imports within their own). */
export async function importCounties(db: Kysely<Database>, importId: number, kind: ImportKind): Promise<string[]> {
  const { rows } = await (kind === 'programmes' || kind === 'network-members' ? programmeImportCountiesQuery(kind, importId) : sql<{ county_code: string }>`
    SELECT DISTINCT s.county_code FROM ${sql.table(KIND_TABLES[kind])} t JOIN settlement s ON s.code = t.settlement_code
    WHERE t.import_id = ${importId} ORDER BY s.county_code`).execute(db);
  return rows.map((row) => row.county_code);
}

export async function listImportRuns(db: Db): Promise<ImportRun[]> {
  const { rows } = await sql<{
    id: number; kind: ImportKind; file_name: string; imported_by: string; imported_at: string; row_count: number;
    imported_count: number; skipped_count: number; warning_count: number; status: 'active' | 'rolled-back'; rolled_back_at: string | null;
  }>`
    SELECT id, kind, file_name, imported_by, ${utcText('imported_at')} AS imported_at,
      row_count, imported_count, skipped_count, warning_count, status,
      ${utcText('rolled_back_at')} AS rolled_back_at
    FROM import_run ORDER BY id DESC`.execute(db);
  return rows.map((row) => ({
    id: row.id, kind: row.kind, fileName: row.file_name, importedBy: row.imported_by, importedAt: row.imported_at,
    rowCount: row.row_count, importedCount: row.imported_count, skippedCount: row.skipped_count,
    warningCount: row.warning_count, status: row.status, rolledBackAt: row.rolled_back_at,
  }));
}

export type RollbackOutcome =
  | { kind: 'rolled-back'; removed: number }
  | { kind: 'not-found' }
  | { kind: 'already-rolled-back' }
  /** Other records still point at rows of the import (a warehouse's stock ledger, say): nothing was removed. */
  | { kind: 'in-use'; referencedBy: string };

/** PostgreSQL's foreign_key_violation, with the referencing table (both engines' errors carry it). */
function referencingTable(error: unknown): string | undefined {
  const { code, table } = (error ?? {}) as { code?: unknown; table?: unknown };
  return code === '23503' && typeof table === 'string' ? table : undefined;
}

/**
 * Removes every row an import brought, as a unit; the import's record stays, marked rolled back (and audited).
 * Rows that other records still reference (warehouses with stock ledger history, kept for accountability)
 * stop the whole rollback: the database's foreign keys decide, and the transaction leaves everything as it was.
 */
export async function rollbackImportRun(db: Kysely<Database>, id: number, actor: AuditActor): Promise<RollbackOutcome> {
  try {
    return await removeImportRun(db, id, actor);
  } catch (error) {
    const referencedBy = referencingTable(error);
    if (referencedBy === undefined) throw error;
    return { kind: 'in-use', referencedBy };
  }
}

async function removeImportRun(db: Kysely<Database>, id: number, actor: AuditActor): Promise<RollbackOutcome> {
  return db.transaction().execute(async (trx) => {
    const run = await trx.selectFrom('import_run').select(['kind', 'status', 'file_name', 'imported_count']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!run) return { kind: 'not-found' } as const;
    if (run.status === 'rolled-back') return { kind: 'already-rolled-back' } as const;
    const result = await trx.deleteFrom(KIND_TABLES[run.kind]).where('import_id', '=', id).executeTakeFirst();
    await removeImportLeftovers(trx);
    await trx.updateTable('import_run').set({ status: 'rolled-back', rolled_back_at: sql<Date>`now()` }).where('id', '=', id).execute();
    const removed = Number(result.numDeletedRows);
    await recordAudit(trx, {
      actor, action: 'rollback', objectKind: 'import', objectId: id,
      before: { kind: run.kind, fileName: run.file_name, status: run.status, importedCount: run.imported_count },
      after: { kind: run.kind, fileName: run.file_name, status: 'rolled-back', removed },
    });
    return { kind: 'rolled-back', removed } as const;
  });
}

export interface OrganisationDataCounts {
  institution: number;
  warehouse: number;
  segregated_area: number;
  need_signal: number;
  import_run: number;
}

export async function countOrganisationData(db: Db): Promise<OrganisationDataCounts> {
  const { rows } = await sql<OrganisationDataCounts>`
    SELECT (SELECT count(*) FROM institution)::int AS institution, (SELECT count(*) FROM warehouse)::int AS warehouse,
      (SELECT count(*) FROM segregated_area)::int AS segregated_area, (SELECT count(*) FROM need_signal)::int AS need_signal,
      (SELECT count(*) FROM import_run)::int AS import_run`.execute(db);
  return rows[0]!;
}
