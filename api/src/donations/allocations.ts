import {
  changeRequestQuantities, changeStock, insertAllocation, latestMovementId, listDonationRequests, listStock, lockStock, markAllocationCommitted,
  newerMovementOn, readAllocation, readDonationPlaces, readDonationRequest, readDonationWarehouses, recordAudit, stockKey,
  type Allocation, type AllocationInput, type AuditActor, type Database, type Engine, type Kysely, type Transaction,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { runInWorker } from '../jobs/run-in-worker.ts';
import { JobRefusedError, type JobSlots } from '../jobs/job-slots.ts';
import { travelMatrix } from '../travel/travel-matrix.ts';
import type { AllocateTaskInput, AllocateTaskOutput } from './allocation/allocate-task.ts';
import { knownItem, knownWarehouse } from './donation-checks.ts';

type Db = Kysely<Database> | Transaction<Database>;

const ALLOCATE_TASK = new URL('./allocation/allocate-task.ts', import.meta.url);

/** The allocation as answered: its stored form without what only commits read. */
async function findAllocation(db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const allocation = await readAllocation(db, id, options);
  if (!allocation) throw new ApiError(404, 'ALLOCATION_NOT_FOUND', `No allocation #${id}.`, { id });
  return allocation;
}

export async function showAllocation(engine: Engine, id: number): Promise<Allocation> {
  const { basedOnMovement: _based, states: _states, ...allocation } = await findAllocation(engine.db, id);
  return allocation;
}

/**
 * `POST /api/allocations`: the open requests' outstanding quantities against the available stock
 * (on hand less what committed allocations hold), by default all of both; distances from the travel
 * seam (road network when loaded, else the estimate). Stored as 'proposed' with the newest ledger
 * entry it saw, audited. Solved in a worker thread under a solver slot of `jobs` (429 TOO_MANY_JOBS
 * beyond the limits, as plans and route searches).
 */
export async function computeAllocation(engine: Engine, actor: AuditActor, input: AllocationInput, jobs: JobSlots): Promise<Allocation> {
  for (const item of input.items ?? []) await knownItem(engine.db, item);
  for (const warehouseId of input.warehouseIds ?? []) await knownWarehouse(engine.db, warehouseId);
  // Read before the stock: a movement in between then counts as newer, and a commit refuses it (never the other way round).
  const basedOnMovement = await latestMovementId(engine.db);
  const requests = (await listDonationRequests(engine.db, { ids: input.requestIds ?? null, items: input.items ?? null, openOnly: true, limit: 1_000_000 }))
    .filter((request) => request.outstanding > 0);
  const stock = (await listStock(engine.db, null)).filter((row) => row.available > 0
    && (!input.warehouseIds || input.warehouseIds.includes(row.warehouseId)) && (!input.items || input.items.includes(row.item)));
  const warehouses = await readDonationWarehouses(engine.db, [...new Set(stock.map((row) => row.warehouseId))]);
  const places = await readDonationPlaces(engine.db, requests.map((request) => request.settlementCode));
  const placeIndex = new Map(places.map((place, index) => [place.code, index]));
  const warehouseIndex = new Map(warehouses.map((warehouse, index) => [warehouse.id, index]));
  const matrix = await travelMatrix(engine, warehouses, places);
  const problem: AllocateTaskInput['problem'] = {
    requests: requests.map((request) => ({
      id: request.id, item: request.item, quantity: request.outstanding, urgency: request.urgency, neededBy: request.neededBy, place: placeIndex.get(request.settlementCode)!,
    })),
    supplies: stock.map((row) => ({ warehouse: warehouseIndex.get(row.warehouseId)!, item: row.item, quantity: row.available })),
    distanceKm: matrix.distanceKm,
    places: places.length,
  };
  const slot = jobs.take(actor.userId ?? undefined);
  let solved: AllocateTaskOutput;
  try {
    solved = await runInWorker<AllocateTaskInput, AllocateTaskOutput>(ALLOCATE_TASK, 'allocateTask', { problem }, { signal: slot.signal });
  } catch (error) {
    // The server is stopping: answered as the other solver jobs are (503 SHUTTING_DOWN).
    if (slot.signal.aborted) throw new JobRefusedError('stopping', 0, jobs.running);
    throw error;
  } finally {
    slot.release();
  }
  const { outcome, seconds } = solved;
  const values = {
    basedOnMovement,
    input,
    assignments: outcome.assignments.map((assignment) => ({
      requestId: requests[assignment.request]!.id, warehouseId: warehouses[assignment.warehouse]!.id, item: requests[assignment.request]!.item,
      quantity: assignment.quantity, distanceKm: Math.round(assignment.distanceKm * 1000) / 1000,
    })),
    unmet: outcome.unmet.map((row) => ({ requestId: requests[row.request]!.id, item: requests[row.request]!.item, quantity: row.quantity, reason: row.reason })),
    objective: { served: outcome.served, requested: outcome.requested, servedByUrgency: outcome.servedByUrgency, transport: Math.round(outcome.transport * 1000) / 1000 },
    solver: { name: 'highs' as const, optimal: true, seconds: Math.round(seconds * 1000) / 1000 },
    distanceMethod: matrix.method,
  };
  const id = await engine.db.transaction().execute(async (trx) => {
    const created = await insertAllocation(trx, values, actor.username);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'allocation', objectId: created, before: null,
      after: { input, objective: values.objective, assignments: values.assignments.length, unmet: values.unmet.length } });
    return created;
  });
  return showAllocation(engine, id);
}

function stale(reason: 'stock-moved' | 'stock-reserved' | 'request-changed', params: Record<string, string | number>, words: string): ApiError {
  return new ApiError(409, 'ALLOCATION_STALE', `${words} after allocation was computed: compute it again.`, { reason, ...params });
}

/**
 * `POST /api/allocations/:id/commit`: holds the assigned stock (reserved at its warehouse) and
 * commits the requests' quantities, in one transaction. Committing again answers the committed
 * allocation and writes nothing. Refused (409 ALLOCATION_STALE, nothing written) when a movement
 * touched its stock after it was computed, when another commit took the stock it counted on, or
 * when one of its requests no longer needs what it assigns.
 */
export async function commitAllocation(engine: Engine, actor: AuditActor, id: number): Promise<Allocation> {
  await engine.db.transaction().execute(async (trx) => {
    const allocation = await findAllocation(trx, id, { forUpdate: true });
    if (allocation.status === 'committed') return;
    const pairs = [...new Map(allocation.states.map((row) => [stockKey(row.warehouseId, row.item), { warehouseId: row.warehouseId, item: row.item }])).values()];
    // Requests before stock, in id order: the order every donation write takes its locks in.
    const perRequest = new Map<number, number>();
    for (const row of allocation.states) perRequest.set(row.requestId, (perRequest.get(row.requestId) ?? 0) + row.quantity);
    const requests = [];
    for (const requestId of [...perRequest.keys()].sort((a, b) => a - b)) requests.push((await readDonationRequest(trx, requestId, { forUpdate: true }))!);
    const locked = await lockStock(trx, pairs);
    const moved = await newerMovementOn(trx, allocation.basedOnMovement, pairs);
    if (moved) throw stale('stock-moved', moved, `Stock of "${moved.item}" moved at warehouse #${moved.warehouseId}`);
    for (const pair of pairs) {
      const stock = locked.get(stockKey(pair.warehouseId, pair.item))!;
      const needed = allocation.states.filter((row) => row.warehouseId === pair.warehouseId && row.item === pair.item).reduce((sum, row) => sum + row.quantity, 0);
      if (stock.quantity - stock.reserved < needed - 1e-9) throw stale('stock-reserved', pair, `Another allocation reserved "${pair.item}" at warehouse #${pair.warehouseId}`);
    }
    for (const request of requests) {
      if (request.outstanding < perRequest.get(request.id)! - 1e-9) throw stale('request-changed', { requestId: request.id }, `Request #${request.id} changed`);
    }
    for (const pair of pairs) {
      const needed = allocation.states.filter((row) => row.warehouseId === pair.warehouseId && row.item === pair.item).reduce((sum, row) => sum + row.quantity, 0);
      await changeStock(trx, pair.warehouseId, pair.item, { reserved: needed });
    }
    for (const [requestId, quantity] of perRequest) await changeRequestQuantities(trx, requestId, { committed: quantity });
    await markAllocationCommitted(trx, id);
    await recordAudit(trx, { actor, action: 'commit', objectKind: 'allocation', objectId: id, before: { status: 'proposed' },
      after: { status: 'committed', assignments: allocation.assignments } });
  });
  return showAllocation(engine, id);
}
