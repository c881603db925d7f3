import { sql, type Kysely, type Transaction } from 'kysely';
import type { Allocation, AllocationAssignment, AllocationInput, AllocationObjective, AllocationSolver, AllocationSummary, AllocationUnmet } from '../contract/donations.ts';
import type { DistanceMethod } from '../contract/coverage.ts';
import type { Database } from '../schema.ts';
import { fromJsonb } from './jsonb.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AllocationValues {
  basedOnMovement: number;
  input: AllocationInput;
  assignments: AllocationAssignment[];
  unmet: AllocationUnmet[];
  objective: AllocationObjective;
  solver: AllocationSolver;
  distanceMethod: DistanceMethod;
}

export async function insertAllocation(trx: Transaction<Database>, values: AllocationValues, createdBy: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO donation_allocation (based_on_movement, input, objective, solver, distance_method, unmet, created_by_name)
    VALUES (${values.basedOnMovement}, ${JSON.stringify(values.input)}::jsonb, ${JSON.stringify(values.objective)}::jsonb, ${JSON.stringify(values.solver)}::jsonb,
      ${JSON.stringify(values.distanceMethod)}::jsonb, ${JSON.stringify(values.unmet)}::jsonb, ${createdBy})
    RETURNING id`.execute(trx);
  const id = rows[0]!.id;
  if (values.assignments.length > 0) {
    await sql`
      INSERT INTO allocation_assignment (allocation_id, request_id, warehouse_id, item, quantity, distance_km)
      SELECT ${id}, a."requestId", a."warehouseId", a.item, a.quantity, a."distanceKm"
      FROM json_to_recordset(${JSON.stringify(values.assignments)}::json) AS a("requestId" integer, "warehouseId" integer, item text, quantity numeric, "distanceKm" float8)`.execute(trx);
  }
  return id;
}

interface AllocationRow {
  id: number;
  status: Allocation['status'];
  based_on_movement: number;
  objective: unknown;
  solver: unknown;
  distance_method: unknown;
  unmet: unknown;
  created_by_name: string;
  created_at: string;
  committed_at: string | null;
}

/** One assignment as a commit, dispatch or delivery works on it. */
export interface AssignmentState extends AllocationAssignment {
  reserved: number;
  inTransit: number;
  delivered: number;
}

/** An allocation with what it was based on; `forUpdate` locks it (a commit holds it until done). */
export async function readAllocation(
  db: Db, id: number, options: { forUpdate?: boolean } = {},
): Promise<(Allocation & { basedOnMovement: number; states: AssignmentState[] }) | undefined> {
  const lock = options.forUpdate ? sql`FOR UPDATE` : sql``;
  const { rows } = await sql<AllocationRow>`
    SELECT id, status, based_on_movement::int AS based_on_movement, objective, solver, distance_method, unmet, created_by_name,
      ${utcText('created_at')} AS created_at, ${utcText('committed_at')} AS committed_at
    FROM donation_allocation WHERE id = ${id} ${lock}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { rows: states } = await sql<AssignmentState>`
    SELECT request_id AS "requestId", warehouse_id AS "warehouseId", item, quantity::float8 AS quantity, distance_km AS "distanceKm",
      reserved::float8 AS reserved, in_transit::float8 AS "inTransit", delivered::float8 AS delivered
    FROM allocation_assignment WHERE allocation_id = ${id} ORDER BY warehouse_id, request_id`.execute(db);
  return {
    id: row.id,
    assignments: states.map(({ requestId, warehouseId, item, quantity, distanceKm }) => ({ requestId, warehouseId, item, quantity, distanceKm })),
    unmet: fromJsonb<AllocationUnmet[]>(row.unmet),
    objective: fromJsonb<AllocationObjective>(row.objective),
    solver: fromJsonb<AllocationSolver>(row.solver),
    distanceMethod: fromJsonb<DistanceMethod>(row.distance_method),
    status: row.status,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    basedOnMovement: row.based_on_movement,
    states,
  };
}

/** Every allocation, newest first, in figures. */
export async function listAllocations(db: Db, limit: number): Promise<AllocationSummary[]> {
  const { rows } = await sql<AllocationSummary>`
    SELECT a.id, a.status, count(s.request_id)::int AS assignments, coalesce(sum(s.quantity), 0)::float8 AS quantity,
      jsonb_array_length(a.unmet)::int AS unmet, a.created_by_name AS "createdBy", ${utcText('a.created_at')} AS "createdAt",
      ${utcText('a.committed_at')} AS "committedAt"
    FROM donation_allocation a LEFT JOIN allocation_assignment s ON s.allocation_id = a.id
    GROUP BY a.id ORDER BY a.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** The first warehouse–item pair of these with a ledger entry newer than `movementId`, if any. */
export async function newerMovementOn(
  db: Db, movementId: number, pairs: readonly { warehouseId: number; item: string }[],
): Promise<{ warehouseId: number; item: string } | undefined> {
  if (pairs.length === 0) return undefined;
  const { rows } = await sql<{ warehouseId: number; item: string }>`
    WITH pairs AS (SELECT * FROM json_to_recordset(${JSON.stringify(pairs)}::json) AS p("warehouseId" integer, item text))
    SELECT p."warehouseId", p.item FROM pairs p
    WHERE EXISTS (SELECT 1 FROM stock_movement m WHERE m.id > ${movementId} AND m.item = p.item
      AND (m.warehouse_id = p."warehouseId" OR m.to_warehouse_id = p."warehouseId"))
    ORDER BY p."warehouseId", p.item LIMIT 1`.execute(db);
  return rows[0];
}

/** Marks an allocation committed and every assignment of it as held in full. */
export async function markAllocationCommitted(trx: Transaction<Database>, id: number): Promise<void> {
  await sql`UPDATE allocation_assignment SET reserved = quantity WHERE allocation_id = ${id}`.execute(trx);
  await sql`UPDATE donation_allocation SET status = 'committed', committed_at = now() WHERE id = ${id}`.execute(trx);
}

/** Changes one assignment's held, on-the-road and delivered amounts (the table's CHECKs guard them). */
export async function changeAssignment(
  trx: Transaction<Database>, key: { allocationId: number; requestId: number; warehouseId: number },
  change: { reserved?: number; inTransit?: number; delivered?: number },
): Promise<void> {
  await sql`
    UPDATE allocation_assignment SET reserved = reserved + ${change.reserved ?? 0}, in_transit = in_transit + ${change.inTransit ?? 0},
      delivered = delivered + ${change.delivered ?? 0}
    WHERE allocation_id = ${key.allocationId} AND request_id = ${key.requestId} AND warehouse_id = ${key.warehouseId}`.execute(trx);
}
