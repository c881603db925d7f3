import { sql, type Kysely, type Transaction } from 'kysely';
import type { DonationOffer, DonorKind, OfferLine, OfferStatus } from '../contract/donations.ts';
import type { Database } from '../schema.ts';
import { fromJsonb } from './jsonb.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** An offer's own values, checked before they get here (a private donor's name and contact already null). */
export interface DonationOfferValues {
  donorKind: DonorKind;
  donorName: string | null;
  contact: string | null;
  settlementCode: string;
  lon: number;
  lat: number;
  availableFrom: string | null;
  availableUntil: string | null;
  warehouseId: number | null;
  lines: OfferLine[];
  note: string | null;
  importId: number | null;
  sourceRow: number | null;
}

const selectOffer = sql`
  SELECT o.id, o.donor_kind AS "donorKind", o.donor_name AS "donorName", o.contact, o.settlement_code AS "settlementCode",
    s.name AS "settlementName", s.county_code AS "countyCode", ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat,
    o.available_from::text AS "availableFrom", o.available_until::text AS "availableUntil", o.status, o.warehouse_id AS "warehouseId",
    w.name AS "warehouseName",
    (SELECT coalesce(json_agg(json_build_object('item', l.item, 'quantity', l.quantity::float8) ORDER BY i.sort_order), '[]'::json)::text
      FROM donation_offer_line l JOIN donation_item i ON i.key = l.item WHERE l.offer_id = o.id) AS lines,
    o.note, o.decline_reason AS "declineReason", o.created_by_name AS "createdBy", ${utcText('o.created_at')} AS "createdAt",
    ${utcText('o.updated_at')} AS "updatedAt"
  FROM donation_offer o JOIN settlement s ON s.code = o.settlement_code LEFT JOIN warehouse w ON w.id = o.warehouse_id`;

const toOffer = (row: DonationOffer & { lines: unknown }): DonationOffer => ({ ...row, lines: fromJsonb<OfferLine[]>(row.lines) });

export async function insertDonationOffer(trx: Transaction<Database>, values: DonationOfferValues, createdBy: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO donation_offer (donor_kind, donor_name, contact, settlement_code, geom, available_from, available_until, warehouse_id, note,
      import_id, source_row, created_by_name)
    VALUES (${values.donorKind}, ${values.donorName}, ${values.contact}, ${values.settlementCode},
      ST_SetSRID(ST_MakePoint(${values.lon}, ${values.lat}), 4326), ${values.availableFrom}, ${values.availableUntil}, ${values.warehouseId},
      ${values.note}, ${values.importId}, ${values.sourceRow}, ${createdBy})
    RETURNING id`.execute(trx);
  const id = rows[0]!.id;
  for (const line of values.lines) {
    await sql`INSERT INTO donation_offer_line (offer_id, item, quantity) VALUES (${id}, ${line.item}, ${line.quantity})`.execute(trx);
  }
  return id;
}

/** One offer; `forUpdate` locks it for the rest of the transaction. */
export async function readDonationOffer(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<DonationOffer | undefined> {
  const lock = options.forUpdate ? sql`FOR UPDATE OF o` : sql``;
  const { rows } = await sql<DonationOffer & { lines: unknown }>`${selectOffer} WHERE o.id = ${id} ${lock}`.execute(db);
  return rows[0] && toOffer(rows[0]);
}

export interface OfferFilter {
  statuses?: readonly OfferStatus[] | null;
  item?: string | null;
  warehouseIds?: readonly number[] | null;
  /** Offers from these counties only (a regional user's). */
  counties?: readonly string[] | null;
  limit: number;
}

/** Offers, newest first. */
export async function listDonationOffers(db: Db, filter: OfferFilter): Promise<DonationOffer[]> {
  const conditions = [sql`true`];
  if (filter.statuses) conditions.push(filter.statuses.length === 0 ? sql`false` : sql`o.status IN (${sql.join(filter.statuses)})`);
  if (filter.item) conditions.push(sql`EXISTS (SELECT 1 FROM donation_offer_line l WHERE l.offer_id = o.id AND l.item = ${filter.item})`);
  if (filter.warehouseIds) conditions.push(filter.warehouseIds.length === 0 ? sql`false` : sql`o.warehouse_id IN (${sql.join(filter.warehouseIds)})`);
  if (filter.counties) conditions.push(filter.counties.length === 0 ? sql`false` : sql`s.county_code IN (${sql.join(filter.counties)})`);
  const { rows } = await sql<DonationOffer & { lines: unknown }>`
    ${selectOffer} WHERE ${sql.join(conditions, sql` AND `)} ORDER BY o.id DESC LIMIT ${filter.limit}`.execute(db);
  return rows.map(toOffer);
}

export async function updateOfferStatus(
  trx: Transaction<Database>, id: number, change: { status: OfferStatus; warehouseId: number | null; declineReason: string | null },
): Promise<void> {
  await sql`
    UPDATE donation_offer SET status = ${change.status}, warehouse_id = coalesce(${change.warehouseId}, warehouse_id),
      decline_reason = ${change.declineReason}, updated_at = now()
    WHERE id = ${id}`.execute(trx);
}
