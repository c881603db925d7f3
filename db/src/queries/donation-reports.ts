import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  AreaLevel, DonorKind, OfferLine, OfferReportRow, OfferStatus, StockReportRow,
} from '../contract/donations.ts';
import type { Urgency } from '../contract/need-signals.ts';
import type { Database } from '../schema.ts';
import { fromJsonb } from './jsonb.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A distributed-report row with its exact request count (the API withholds small ones from viewers). */
export interface DistributedRow {
  areaCode: string;
  areaName: string;
  item: string;
  quantity: number;
  requests: number;
}

/**
 * Distributed quantities per area and item over a period (dates of the movements, inclusive):
 * where the goods went, by the request's settlement (a distribution without a request counts at
 * its warehouse's settlement).
 */
export async function distributedByArea(db: Db, filter: { level: AreaLevel; from: string | null; to: string | null; item: string | null }): Promise<DistributedRow[]> {
  const conditions = [sql`m.kind = 'distributed'`];
  if (filter.from) conditions.push(sql`m.moved_on >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`m.moved_on <= ${filter.to}::date`);
  if (filter.item) conditions.push(sql`m.item = ${filter.item}`);
  const area = {
    county: { code: sql`s.county_code`, join: sql`JOIN county a ON a.code = s.county_code` },
    district: { code: sql`s.district_code`, join: sql`JOIN district a ON a.code = s.district_code` },
    settlement: { code: sql`s.code`, join: sql`JOIN settlement a ON a.code = s.code` },
  }[filter.level];
  const { rows } = await sql<DistributedRow>`
    SELECT ${area.code} AS "areaCode", a.name AS "areaName", m.item, (-sum(m.quantity))::float8 AS quantity, count(DISTINCT m.request_id)::int AS requests
    FROM stock_movement m
      LEFT JOIN donation_request r ON r.id = m.request_id
      JOIN warehouse w ON w.id = m.warehouse_id
      JOIN settlement s ON s.code = coalesce(r.settlement_code, w.settlement_code)
      ${area.join}
      JOIN donation_item i ON i.key = m.item
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY ${area.code}, a.name, m.item, i.sort_order ORDER BY a.name, ${area.code}, i.sort_order`.execute(db);
  return rows;
}

/** Stock per warehouse and item, every stocked pair. */
export async function stockByWarehouse(db: Db): Promise<StockReportRow[]> {
  const { rows } = await sql<StockReportRow>`
    SELECT w.id AS "warehouseId", w.name AS "warehouseName", w.county_code AS "countyCode", l.item, l.quantity::float8 AS quantity,
      l.reserved::float8 AS reserved, (l.quantity - l.reserved)::float8 AS available
    FROM stock_level l JOIN warehouse w ON w.id = l.warehouse_id JOIN donation_item i ON i.key = l.item
    WHERE l.quantity <> 0 OR l.reserved <> 0 ORDER BY w.name, w.id, i.sort_order`.execute(db);
  return rows;
}

/** Open requests (neither fulfilled nor cancelled) per urgency and item, with exact counts. */
export interface OpenRequestRow {
  urgency: Urgency;
  item: string;
  requests: number;
  /** Still to deliver. */
  quantity: number;
  /** Not yet allocated. */
  unmet: number;
}

export async function openRequestsByUrgency(db: Db, counties: readonly string[] | null): Promise<OpenRequestRow[]> {
  const scope = counties === null ? sql`` : counties.length === 0 ? sql`AND false` : sql`AND s.county_code IN (${sql.join(counties)})`;
  const { rows } = await sql<OpenRequestRow>`
    SELECT r.urgency, r.item, count(*)::int AS requests, sum(r.quantity - r.fulfilled)::float8 AS quantity,
      sum(r.quantity - r.committed - r.in_transit - r.fulfilled)::float8 AS unmet
    FROM donation_request r JOIN settlement s ON s.code = r.settlement_code JOIN donation_item i ON i.key = r.item
    WHERE r.cancelled_at IS NULL AND r.fulfilled < r.quantity ${scope}
    GROUP BY r.urgency, r.item, i.sort_order
    ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low'], r.urgency), i.sort_order`.execute(db);
  return rows;
}

/** Offers per status and item: how many offers list the item, and how much of it. */
export async function offersByStatus(db: Db): Promise<OfferReportRow[]> {
  const { rows } = await sql<OfferReportRow>`
    SELECT o.status, l.item, count(DISTINCT o.id)::int AS offers, sum(l.quantity)::float8 AS quantity
    FROM donation_offer o JOIN donation_offer_line l ON l.offer_id = o.id JOIN donation_item i ON i.key = l.item
    GROUP BY o.status, l.item, i.sort_order
    ORDER BY array_position(ARRAY['offered', 'accepted', 'collected', 'received', 'declined'], o.status), i.sort_order`.execute(db);
  return rows;
}

/** Open requests per settlement: the open quantity per urgency and the number of requests (exact). */
export interface RequestSettlementRow {
  settlementCode: string;
  settlementName: string;
  lon: number;
  lat: number;
  quantityByUrgency: Record<Urgency, number>;
  requests: number;
}

export async function openRequestsBySettlement(db: Db, filter: { item: string | null; urgency: Urgency | null }): Promise<RequestSettlementRow[]> {
  const conditions = [sql`r.cancelled_at IS NULL AND r.fulfilled < r.quantity`];
  if (filter.item) conditions.push(sql`r.item = ${filter.item}`);
  if (filter.urgency) conditions.push(sql`r.urgency = ${filter.urgency}`);
  const { rows } = await sql<Omit<RequestSettlementRow, 'quantityByUrgency'> & Record<Urgency, number>>`
    SELECT s.code AS "settlementCode", s.name AS "settlementName", ST_X(s.label_point) AS lon, ST_Y(s.label_point) AS lat, count(*)::int AS requests,
      ${sql.join((['critical', 'high', 'medium', 'low'] as const).map((urgency) =>
        sql`coalesce(sum(r.quantity - r.fulfilled) FILTER (WHERE r.urgency = ${urgency}), 0)::float8 AS ${sql.ref(urgency)}`))}
    FROM donation_request r JOIN settlement s ON s.code = r.settlement_code
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY s.code, s.name, s.label_point ORDER BY s.code`.execute(db);
  return rows.map(({ critical, high, medium, low, ...row }) => ({ ...row, quantityByUrgency: { critical, high, medium, low } }));
}

/** Stock per warehouse with its place, for the map. */
export async function warehouseStock(db: Db, item: string | null): Promise<{ warehouseId: number; name: string; lon: number; lat: number; items: { item: string; quantity: number; available: number }[] }[]> {
  const only = item ? sql`AND l.item = ${item}` : sql``;
  const { rows } = await sql<{ warehouseId: number; name: string; lon: number; lat: number; items: unknown }>`
    SELECT w.id AS "warehouseId", w.name, ST_X(w.geom) AS lon, ST_Y(w.geom) AS lat,
      coalesce((SELECT json_agg(json_build_object('item', l.item, 'quantity', l.quantity::float8, 'available', (l.quantity - l.reserved)::float8) ORDER BY i.sort_order)
        FROM stock_level l JOIN donation_item i ON i.key = l.item WHERE l.warehouse_id = w.id AND l.quantity <> 0 ${only}), '[]'::json)::text AS items
    FROM warehouse w ORDER BY w.id`.execute(db);
  return rows.map((row) => ({ ...row, items: fromJsonb(row.items) }));
}

/**
 * Offers for the map. A private donor's offer is placed at its settlement's centre, never at the
 * point it was recorded at (that would be a home).
 */
export async function offerPoints(db: Db, filter: { statuses: readonly OfferStatus[]; item: string | null }): Promise<{
  offerId: number; status: OfferStatus; donorKind: DonorKind; settlementCode: string; lon: number; lat: number; lines: OfferLine[];
}[]> {
  if (filter.statuses.length === 0) return [];
  const item = filter.item ? sql`AND EXISTS (SELECT 1 FROM donation_offer_line x WHERE x.offer_id = o.id AND x.item = ${filter.item})` : sql``;
  const { rows } = await sql<{ offerId: number; status: OfferStatus; donorKind: DonorKind; settlementCode: string; lon: number; lat: number; lines: unknown }>`
    SELECT o.id AS "offerId", o.status, o.donor_kind AS "donorKind", o.settlement_code AS "settlementCode",
      ST_X(CASE WHEN o.donor_kind = 'private' THEN s.label_point ELSE o.geom END) AS lon,
      ST_Y(CASE WHEN o.donor_kind = 'private' THEN s.label_point ELSE o.geom END) AS lat,
      (SELECT coalesce(json_agg(json_build_object('item', l.item, 'quantity', l.quantity::float8) ORDER BY i.sort_order), '[]'::json)::text
        FROM donation_offer_line l JOIN donation_item i ON i.key = l.item WHERE l.offer_id = o.id) AS lines
    FROM donation_offer o JOIN settlement s ON s.code = o.settlement_code
    WHERE o.status IN (${sql.join(filter.statuses)}) ${item} ORDER BY o.id`.execute(db);
  return rows.map((row) => ({ ...row, lines: fromJsonb<OfferLine[]>(row.lines) }));
}
