import { sql, type Kysely, type Transaction } from 'kysely';
import type { DonationRequest, RequestStatus } from '../contract/donations.ts';
import type { Urgency } from '../contract/need-signals.ts';
import type { Database } from '../schema.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A request's own values, checked before they get here. */
export interface DonationRequestValues {
  settlementCode: string;
  item: string;
  quantity: number;
  urgency: Urgency;
  neededBy: string | null;
  organisation: string;
  note: string | null;
  needSignalId: number | null;
  importId: number | null;
  sourceRow: number | null;
}

/** The status a request's quantities mean: the furthest step its undelivered quantity reached (see RequestStatus). */
const STATUS = sql<RequestStatus>`CASE
  WHEN r.cancelled_at IS NOT NULL THEN 'cancelled'
  WHEN r.fulfilled >= r.quantity THEN 'fulfilled'
  WHEN r.in_transit > 0 THEN 'in-transit'
  WHEN r.committed > 0 THEN 'committed'
  ELSE 'requested' END`;

const selectRequest = sql`
  SELECT r.id, r.settlement_code AS "settlementCode", s.name AS "settlementName", s.district_code AS "districtCode", s.county_code AS "countyCode",
    r.item, r.urgency, r.needed_by::text AS "neededBy", r.organisation, r.note, ${STATUS} AS status, r.quantity::float8 AS quantity,
    r.committed::float8 AS committed, r.in_transit::float8 AS "inTransit", r.fulfilled::float8 AS fulfilled,
    (CASE WHEN r.cancelled_at IS NULL THEN r.quantity - r.committed - r.in_transit - r.fulfilled ELSE 0 END)::float8 AS outstanding,
    r.need_signal_id AS "needSignalId", r.cancel_reason AS "cancelReason", r.created_by_name AS "createdBy",
    ${utcText('r.created_at')} AS "createdAt", ${utcText('r.cancelled_at')} AS "cancelledAt"
  FROM donation_request r JOIN settlement s ON s.code = r.settlement_code`;

export async function insertDonationRequest(trx: Transaction<Database>, values: DonationRequestValues, createdBy: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO donation_request (settlement_code, item, quantity, urgency, needed_by, organisation, note, need_signal_id, import_id, source_row, created_by_name)
    VALUES (${values.settlementCode}, ${values.item}, ${values.quantity}, ${values.urgency}, ${values.neededBy}, ${values.organisation}, ${values.note},
      ${values.needSignalId}, ${values.importId}, ${values.sourceRow}, ${createdBy})
    RETURNING id`.execute(trx);
  return rows[0]!.id;
}

/** One request; `forUpdate` locks it for the rest of the transaction. */
export async function readDonationRequest(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<DonationRequest | undefined> {
  const lock = options.forUpdate ? sql`FOR UPDATE OF r` : sql``;
  const { rows } = await sql<DonationRequest>`${selectRequest} WHERE r.id = ${id} ${lock}`.execute(db);
  return rows[0];
}

export interface RequestFilter {
  ids?: readonly number[] | null;
  status?: RequestStatus | null;
  /** Not fulfilled and not cancelled. */
  openOnly?: boolean;
  items?: readonly string[] | null;
  urgency?: Urgency | null;
  counties?: readonly string[] | null;
  limit: number;
}

/** Requests, most urgent and soonest needed first. */
export async function listDonationRequests(db: Db, filter: RequestFilter): Promise<DonationRequest[]> {
  const conditions = [sql`true`];
  if (filter.ids) conditions.push(filter.ids.length === 0 ? sql`false` : sql`r.id IN (${sql.join(filter.ids)})`);
  if (filter.status) conditions.push(sql`${STATUS} = ${filter.status}`);
  if (filter.openOnly) conditions.push(sql`r.cancelled_at IS NULL AND r.fulfilled < r.quantity`);
  if (filter.items) conditions.push(filter.items.length === 0 ? sql`false` : sql`r.item IN (${sql.join(filter.items)})`);
  if (filter.urgency) conditions.push(sql`r.urgency = ${filter.urgency}`);
  if (filter.counties) conditions.push(filter.counties.length === 0 ? sql`false` : sql`s.county_code IN (${sql.join(filter.counties)})`);
  const { rows } = await sql<DonationRequest>`
    ${selectRequest} WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low'], r.urgency), r.needed_by NULLS LAST, r.id
    LIMIT ${filter.limit}`.execute(db);
  return rows;
}

/** Moves quantities between a request's steps (committed, in transit, fulfilled); the table's CHECKs guard the sums. */
export async function changeRequestQuantities(
  trx: Transaction<Database>, id: number, change: { committed?: number; inTransit?: number; fulfilled?: number },
): Promise<void> {
  await sql`
    UPDATE donation_request SET committed = committed + ${change.committed ?? 0}, in_transit = in_transit + ${change.inTransit ?? 0},
      fulfilled = fulfilled + ${change.fulfilled ?? 0}
    WHERE id = ${id}`.execute(trx);
}

export async function cancelDonationRequest(trx: Transaction<Database>, id: number, reason: string): Promise<void> {
  await sql`UPDATE donation_request SET cancelled_at = now(), cancel_reason = ${reason}, committed = 0, in_transit = 0 WHERE id = ${id}`.execute(trx);
}

/**
 * Releases what committed allocations hold for a request (it is cancelled): the assignments keep
 * what they delivered; answers the stock each warehouse held, for the caller to unreserve.
 */
export async function releaseRequestReservations(trx: Transaction<Database>, requestId: number): Promise<{ warehouseId: number; item: string; quantity: number }[]> {
  const { rows } = await sql<{ warehouseId: number; item: string; quantity: number }>`
    SELECT warehouse_id AS "warehouseId", item, sum(reserved)::float8 AS quantity FROM allocation_assignment
    WHERE request_id = ${requestId} AND reserved > 0 GROUP BY warehouse_id, item ORDER BY warehouse_id, item`.execute(trx);
  await sql`UPDATE allocation_assignment SET reserved = 0, in_transit = 0 WHERE request_id = ${requestId} AND reserved > 0`.execute(trx);
  return rows;
}
