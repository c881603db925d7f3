import { sql, type Kysely, type Transaction } from 'kysely';
import type { DonationItem, DonationItemInput, StockLevel, StockMovement } from '../contract/donations.ts';
import type { Database } from '../schema.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The controlled list of donation items, in its order. */
export async function listDonationItems(db: Db): Promise<DonationItem[]> {
  const { rows } = await sql<DonationItem>`
    SELECT key, category, unit, name_hu AS "nameHu", name_en AS "nameEn", unit_kind AS "unitKind", load_units AS "loadUnits", builtin
    FROM donation_item ORDER BY sort_order, key`.execute(db);
  return rows;
}

/** Adds an item to the controlled list (after the built-in ones); false when the key is taken. */
export async function insertDonationItem(trx: Transaction<Database>, item: Required<DonationItemInput>): Promise<boolean> {
  const { rows } = await sql<{ key: string }>`
    INSERT INTO donation_item (key, category, unit, unit_kind, name_hu, name_en, load_units, builtin, sort_order)
    VALUES (${item.key}, ${item.category}, ${item.unit}, ${item.unitKind}, ${item.nameHu}, ${item.nameEn}, ${item.loadUnits}, false,
      (SELECT coalesce(max(sort_order), 0) + 10 FROM donation_item))
    ON CONFLICT (key) DO NOTHING RETURNING key`.execute(trx);
  return rows.length === 1;
}

/** A warehouse as the donation bank names and places it. */
export interface DonationWarehouse {
  id: number;
  name: string;
  settlementCode: string;
  countyCode: string;
  lon: number;
  lat: number;
}

/** The imported warehouses with these ids (every one when `ids` is null), by id. */
export async function readDonationWarehouses(db: Db, ids: readonly number[] | null): Promise<DonationWarehouse[]> {
  if (ids !== null && ids.length === 0) return [];
  const only = ids === null ? sql`` : sql`WHERE id IN (${sql.join(ids)})`;
  const { rows } = await sql<DonationWarehouse>`
    SELECT id, name, settlement_code AS "settlementCode", county_code AS "countyCode", ST_X(geom) AS lon, ST_Y(geom) AS lat
    FROM warehouse ${only} ORDER BY id`.execute(db);
  return rows;
}

/** A stock row as a write sees it, locked. */
export interface LockedStock {
  warehouseId: number;
  item: string;
  quantity: number;
  reserved: number;
}

/**
 * Locks the stock rows of these warehouse–item pairs for the rest of the transaction, creating the
 * missing ones at zero. Pairs are locked in one order (warehouse, item) so that two writers taking
 * the same pairs queue instead of deadlocking; a second writer waits here until the first commits
 * and then reads what the first left.
 */
export async function lockStock(trx: Transaction<Database>, pairs: readonly { warehouseId: number; item: string }[]): Promise<Map<string, LockedStock>> {
  const unique = [...new Map(pairs.map((pair) => [stockKey(pair.warehouseId, pair.item), pair])).values()]
    .sort((a, b) => a.warehouseId - b.warehouseId || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const locked = new Map<string, LockedStock>();
  for (const pair of unique) {
    await sql`INSERT INTO stock_level (warehouse_id, item) VALUES (${pair.warehouseId}, ${pair.item}) ON CONFLICT DO NOTHING`.execute(trx);
    const { rows } = await sql<LockedStock>`
      SELECT warehouse_id AS "warehouseId", item, quantity::float8 AS quantity, reserved::float8 AS reserved
      FROM stock_level WHERE warehouse_id = ${pair.warehouseId} AND item = ${pair.item} FOR UPDATE`.execute(trx);
    locked.set(stockKey(pair.warehouseId, pair.item), rows[0]!);
  }
  return locked;
}

export const stockKey = (warehouseId: number, item: string): string => `${warehouseId}\u0000${item}`;

/** Changes a (locked) stock row by these amounts; the table's CHECK refuses negative stock as a last guard. */
export async function changeStock(trx: Transaction<Database>, warehouseId: number, item: string, change: { quantity?: number; reserved?: number }): Promise<void> {
  await sql`
    UPDATE stock_level SET quantity = quantity + ${change.quantity ?? 0}, reserved = reserved + ${change.reserved ?? 0}
    WHERE warehouse_id = ${warehouseId} AND item = ${item}`.execute(trx);
}

/** One ledger entry as written: `quantity` is the change at `warehouseId`. */
export interface MovementRow extends Omit<StockMovement, 'id' | 'warehouseName' | 'toWarehouseName' | 'date' | 'recordedAt'> {
  /** YYYY-MM-DD, or null for today. */
  date: string | null;
  importId: number | null;
}

/** Appends one ledger entry; answers its id. The caller changes the stock rows in the same transaction. */
export async function insertMovement(trx: Transaction<Database>, row: MovementRow): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO stock_movement (kind, warehouse_id, to_warehouse_id, item, quantity, reason, offer_id, request_id, allocation_id,
      route_scenario_id, moved_on, import_id, recorded_by_name)
    VALUES (${row.kind}, ${row.warehouseId}, ${row.toWarehouseId}, ${row.item}, ${row.quantity}, ${row.reason}, ${row.offerId},
      ${row.requestId}, ${row.allocationId}, ${row.routeScenarioId}, coalesce(${row.date}::date, current_date), ${row.importId}, ${row.recordedBy})
    RETURNING id::int AS id`.execute(trx);
  return rows[0]!.id;
}

/** Stock per warehouse and item (of one warehouse when given), rows that were never stocked left out. */
export async function listStock(db: Db, warehouseId: number | null): Promise<StockLevel[]> {
  const only = warehouseId === null ? sql`` : sql`AND warehouse_id = ${warehouseId}`;
  const { rows } = await sql<StockLevel>`
    SELECT warehouse_id AS "warehouseId", l.item, quantity::float8 AS quantity, reserved::float8 AS reserved, (quantity - reserved)::float8 AS available
    FROM stock_level l JOIN donation_item i ON i.key = l.item
    WHERE (quantity <> 0 OR reserved <> 0) ${only} ORDER BY warehouse_id, i.sort_order`.execute(db);
  return rows;
}

export interface MovementFilter {
  warehouseId: number | null;
  item: string | null;
  requestId: number | null;
  limit: number;
}

/** Ledger entries, newest first; a transfer shows at both of its warehouses. */
export async function listMovements(db: Db, filter: MovementFilter): Promise<StockMovement[]> {
  const conditions = [sql`true`];
  if (filter.warehouseId !== null) conditions.push(sql`(m.warehouse_id = ${filter.warehouseId} OR m.to_warehouse_id = ${filter.warehouseId})`);
  if (filter.item !== null) conditions.push(sql`m.item = ${filter.item}`);
  if (filter.requestId !== null) conditions.push(sql`m.request_id = ${filter.requestId}`);
  const { rows } = await sql<StockMovement>`
    SELECT m.id::int AS id, m.kind, m.warehouse_id AS "warehouseId", w.name AS "warehouseName", m.to_warehouse_id AS "toWarehouseId",
      t.name AS "toWarehouseName", m.item, m.quantity::float8 AS quantity, m.reason, m.offer_id AS "offerId", m.request_id AS "requestId",
      m.allocation_id AS "allocationId", m.route_scenario_id AS "routeScenarioId", m.moved_on::text AS date,
      m.recorded_by_name AS "recordedBy", ${utcText('m.recorded_at')} AS "recordedAt"
    FROM stock_movement m JOIN warehouse w ON w.id = m.warehouse_id LEFT JOIN warehouse t ON t.id = m.to_warehouse_id
    WHERE ${sql.join(conditions, sql` AND `)} ORDER BY m.id DESC LIMIT ${filter.limit}`.execute(db);
  return rows;
}

/** The newest ledger entry's id (0 for an empty ledger). */
export async function latestMovementId(db: Db): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT coalesce(max(id), 0)::int AS id FROM stock_movement`.execute(db);
  return rows[0]!.id;
}

/** A stock row that disagrees with the ledger or with the reservations of committed allocations. */
export interface StockMismatch {
  warehouseId: number;
  item: string;
  quantity: number;
  ledger: number;
  reserved: number;
  held: number;
}

/**
 * Checks the maintained aggregate against the ledger (Σ movements, transfers counted at both
 * ends) and the reservations against the committed assignments: every row that disagrees.
 */
export async function stockMismatches(db: Db): Promise<StockMismatch[]> {
  const { rows } = await sql<StockMismatch>`
    WITH ledger AS (
      SELECT warehouse_id, item, sum(quantity) AS quantity FROM (
        SELECT warehouse_id, item, quantity FROM stock_movement
        UNION ALL SELECT to_warehouse_id, item, -quantity FROM stock_movement WHERE to_warehouse_id IS NOT NULL
      ) moves GROUP BY warehouse_id, item
    ), held AS (
      SELECT a.warehouse_id, a.item, sum(a.reserved) AS reserved FROM allocation_assignment a GROUP BY a.warehouse_id, a.item
    ), pairs AS (
      SELECT warehouse_id, item FROM stock_level UNION SELECT warehouse_id, item FROM ledger UNION SELECT warehouse_id, item FROM held
    )
    SELECT p.warehouse_id AS "warehouseId", p.item, coalesce(l.quantity, 0)::float8 AS quantity, coalesce(g.quantity, 0)::float8 AS ledger,
      coalesce(l.reserved, 0)::float8 AS reserved, coalesce(h.reserved, 0)::float8 AS held
    FROM pairs p
      LEFT JOIN stock_level l ON l.warehouse_id = p.warehouse_id AND l.item = p.item
      LEFT JOIN ledger g ON g.warehouse_id = p.warehouse_id AND g.item = p.item
      LEFT JOIN held h ON h.warehouse_id = p.warehouse_id AND h.item = p.item
    WHERE coalesce(l.quantity, 0) <> coalesce(g.quantity, 0) OR coalesce(l.reserved, 0) <> coalesce(h.reserved, 0)`.execute(db);
  return rows;
}

/** A settlement as the donation bank places it (at its label point). */
export interface DonationPlace {
  code: string;
  name: string;
  districtCode: string;
  countyCode: string;
  lon: number;
  lat: number;
}

/** The settlements with these codes (the unknown ones left out). */
export async function readDonationPlaces(db: Db, codes: readonly string[]): Promise<DonationPlace[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<DonationPlace>`
    SELECT code, name, district_code AS "districtCode", county_code AS "countyCode", ST_X(label_point) AS lon, ST_Y(label_point) AS lat
    FROM settlement WHERE code IN (${sql.join([...new Set(codes)])})`.execute(db);
  return rows;
}
