import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditActor } from '../contract/audit.ts';
import type { NeedSignalRecord } from '../contract/need-signals.ts';
import type { Database } from '../schema.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A signal's own values, validated (by the import's rules) before they get here: the record's fields a person types in. */
export type NeedSignalValues = Pick<NeedSignalRecord, 'settlementCode' | 'category' | 'urgency' | 'households' | 'persons' | 'date' | 'organisation'>;

const selectRecord = sql`
  SELECT n.id, n.settlement_code AS "settlementCode", s.name AS "settlementName", s.county_code AS "countyCode",
    n.category, n.urgency, n.households, n.persons, n.reported_on::text AS date, n.organisation,
    n.import_id AS "importId", n.recorded_by_name AS "recordedBy", ${utcText('n.recorded_at')} AS "recordedAt",
    ${utcText('n.updated_at')} AS "updatedAt", ${utcText('n.withdrawn_at')} AS "withdrawnAt", n.withdrawn_by_name AS "withdrawnBy"
  FROM need_signal n JOIN settlement s ON s.code = n.settlement_code`;

/** Records a signal typed in by a person; answers its id. */
export async function insertNeedSignal(trx: Transaction<Database>, values: NeedSignalValues, actor: AuditActor): Promise<number> {
  const row = await trx.insertInto('need_signal').values({
    import_id: null, source_row: null, settlement_code: values.settlementCode, category: values.category, urgency: values.urgency,
    households: values.households, persons: values.persons, reported_on: values.date, organisation: values.organisation,
    recorded_by: actor.userId, recorded_by_name: actor.username, updated_at: null, withdrawn_at: null, withdrawn_by_name: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One raw signal, withdrawn or not; `forUpdate` locks it for the rest of the transaction. */
export async function readNeedSignal(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<NeedSignalRecord | undefined> {
  const lock = options.forUpdate ? sql`FOR UPDATE OF n` : sql``;
  const { rows } = await sql<NeedSignalRecord>`${selectRecord} WHERE n.id = ${id} ${lock}`.execute(db);
  return rows[0];
}

export async function updateNeedSignal(trx: Transaction<Database>, id: number, values: NeedSignalValues): Promise<void> {
  await trx.updateTable('need_signal').set({
    settlement_code: values.settlementCode, category: values.category, urgency: values.urgency, households: values.households,
    persons: values.persons, reported_on: values.date, organisation: values.organisation, updated_at: sql<string>`now()`,
  }).where('id', '=', id).execute();
}

/** Withdraws a signal: it leaves every view of need but stays in the table as history. */
export async function withdrawNeedSignal(trx: Transaction<Database>, id: number, actor: AuditActor): Promise<void> {
  await trx.updateTable('need_signal').set({ withdrawn_at: sql<string>`now()`, withdrawn_by_name: actor.username })
    .where('id', '=', id).where('withdrawn_at', 'is', null).execute();
}

/**
 * Raw signal rows, newest first. `counties` null means every county (an admin);
 * otherwise only signals in those counties (a regional user's scope).
 */
export async function listNeedSignals(
  db: Db,
  options: { counties: readonly string[] | null; includeWithdrawn: boolean; limit: number },
): Promise<NeedSignalRecord[]> {
  if (options.counties !== null && options.counties.length === 0) return [];
  const scope = options.counties === null ? sql`` : sql`AND s.county_code IN (${sql.join(options.counties)})`;
  const active = options.includeWithdrawn ? sql`` : sql`AND n.withdrawn_at IS NULL`;
  const { rows } = await sql<NeedSignalRecord>`
    ${selectRecord} WHERE true ${scope} ${active} ORDER BY n.reported_on DESC, n.id DESC LIMIT ${options.limit}`.execute(db);
  return rows;
}
