import {
  changeAssignment, changeRequestQuantities, changeStock, listDonationOffers, lockStock, readAllocation, readDonationRequest, readDonationWarehouses, recordAudit,
  type AllocationDispatched, type AllocationRouteProblem, type AllocationRouteProblems, type AllocationRouteStop, type AssignmentState, type AuditActor,
  type Database, type DeliveryInput, type DeliveryRecorded, type DonationItem, type Engine, type Transaction,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { checkQuantity, itemsByKey } from './donation-checks.ts';
import { moveOffer } from './offer-writes.ts';
import { applyMovement } from './stock-writes.ts';

/**
 * The van the route problems start with: the logistics page's default (one "Kisbusz" of 40 load
 * units, 08:00–16:00, 150 per km), as many as the deliveries need; the page lets the user change it.
 */
const VAN = { name: 'Kisbusz', capacity: 40, shift: { from: '08:00', to: '16:00' }, costPerKm: 150 };

const round = (value: number) => Math.round(value * 1000) / 1000;

async function committedAllocation(db: Engine['db'] | Transaction<Database>, id: number, options: { forUpdate?: boolean } = {}) {
  const allocation = await readAllocation(db, id, options);
  if (!allocation) throw new ApiError(404, 'ALLOCATION_NOT_FOUND', `No allocation #${id}.`, { id });
  if (allocation.status !== 'committed') throw new ApiError(409, 'ALLOCATION_NOT_COMMITTED', `Allocation #${id} is not committed yet.`, { id });
  return allocation;
}

/** What is still to deliver of each assignment: held at the warehouse, in its own unit. */
const toDeliver = (state: AssignmentState) => state.reserved;

/**
 * `GET /api/allocations/:id/routes`: per warehouse, the route problem of what the committed
 * allocation still has to deliver from it (stops = the requests' settlements, amounts in van load
 * units), with the accepted offers to be collected for that warehouse as pickups while the vans
 * have room for them, for the existing router (`POST /api/routes`).
 */
export async function allocationRouteProblems(engine: Engine, id: number): Promise<AllocationRouteProblems> {
  const allocation = await committedAllocation(engine.db, id);
  const items = await itemsByKey(engine.db);
  const load = (item: string, quantity: number) => quantity * (items.get(item)?.loadUnits ?? 1);
  const open = allocation.states.filter((state) => toDeliver(state) > 0);
  const warehouses = await readDonationWarehouses(engine.db, [...new Set(open.map((state) => state.warehouseId))]);
  const requestSettlement = new Map<number, string>();
  for (const requestId of new Set(open.map((state) => state.requestId))) requestSettlement.set(requestId, (await readDonationRequest(engine.db, requestId))!.settlementCode);
  const offers = await listDonationOffers(engine.db, { statuses: ['accepted'], warehouseIds: warehouses.map((warehouse) => warehouse.id), limit: 10_000 });

  const problems: AllocationRouteProblem[] = warehouses.map((warehouse) => {
    const stops = new Map<string, AllocationRouteStop & { delivery: number; pickup: number }>();
    const stopAt = (settlementCode: string) => {
      let stop = stops.get(settlementCode);
      if (!stop) {
        stop = { stop: stops.size, settlementCode, requests: [], offers: [], delivery: 0, pickup: 0 };
        stops.set(settlementCode, stop);
      }
      return stop;
    };
    for (const state of open.filter((row) => row.warehouseId === warehouse.id)) {
      const stop = stopAt(requestSettlement.get(state.requestId)!);
      stop.requests.push({ requestId: state.requestId, item: state.item, quantity: toDeliver(state) });
      stop.delivery += load(state.item, toDeliver(state));
    }
    const delivery = [...stops.values()].reduce((sum, stop) => sum + stop.delivery, 0);
    const vans = Math.max(1, Math.ceil(delivery / VAN.capacity));
    // Pickups ride in the room the deliveries leave, oldest offer first.
    let room = vans * VAN.capacity - delivery;
    for (const offer of [...offers].reverse().filter((row) => row.warehouseId === warehouse.id)) {
      const pickup = offer.lines.reduce((sum, line) => sum + load(line.item, line.quantity), 0);
      if (pickup > room) continue;
      room -= pickup;
      const stop = stopAt(offer.settlementCode);
      stop.offers.push({ offerId: offer.id, lines: offer.lines });
      stop.pickup += pickup;
    }
    const ordered = [...stops.values()];
    return {
      warehouseId: warehouse.id,
      warehouseName: warehouse.name,
      route: {
        depots: [{ warehouseId: warehouse.id }],
        stops: ordered.map((stop) => ({ settlementCode: stop.settlementCode, delivery: round(stop.delivery), ...(stop.pickup > 0 ? { pickup: round(stop.pickup) } : {}) })),
        fleet: [{ name: VAN.name, count: vans, capacity: VAN.capacity, shift: VAN.shift, costPerKm: VAN.costPerKm }],
      },
      stops: ordered.map(({ stop, settlementCode, requests, offers: collected }) => ({ stop, settlementCode, requests, offers: collected })),
    };
  });
  return { allocationId: id, problems };
}

/**
 * `POST /api/allocations/:id/dispatch`: what the allocation holds at the warehouse goes on the road;
 * the requests' committed quantities become in transit. Audited; dispatching again moves nothing.
 */
export async function dispatchAllocation(engine: Engine, actor: AuditActor, id: number, input: { warehouseId: number; routeScenarioId?: number | undefined }): Promise<AllocationDispatched> {
  return engine.db.transaction().execute(async (trx) => {
    const allocation = await committedAllocation(trx, id, { forUpdate: true });
    const rows = allocation.states.filter((state) => state.warehouseId === input.warehouseId && state.reserved - state.inTransit > 0)
      .sort((a, b) => a.requestId - b.requestId);
    for (const row of rows) {
      await readDonationRequest(trx, row.requestId, { forUpdate: true });
      const quantity = row.reserved - row.inTransit;
      await changeAssignment(trx, { allocationId: id, requestId: row.requestId, warehouseId: row.warehouseId }, { inTransit: quantity });
      await changeRequestQuantities(trx, row.requestId, { committed: -quantity, inTransit: quantity });
    }
    const requestIds = rows.map((row) => row.requestId);
    await recordAudit(trx, { actor, action: 'dispatch', objectKind: 'allocation', objectId: id, before: null,
      after: { warehouseId: input.warehouseId, routeScenarioId: input.routeScenarioId ?? null, requestIds } });
    return { requestIds };
  });
}

/**
 * `POST /api/allocations/:id/deliveries`: confirms what a warehouse's route delivered. Each line
 * releases its hold and books a 'distributed' movement for the request (with the allocation and
 * the route), and fulfils the request by as much; a partial delivery leaves the rest held. Offers
 * collected on the way are marked collected and received into the warehouse. One transaction, audited.
 */
export async function recordDelivery(engine: Engine, actor: AuditActor, id: number, input: DeliveryInput): Promise<DeliveryRecorded> {
  const items = await itemsByKey(engine.db);
  return engine.db.transaction().execute(async (trx) => {
    const allocation = await committedAllocation(trx, id, { forUpdate: true });
    const held = allocation.states.filter((state) => state.warehouseId === input.warehouseId);
    const lines = input.lines ?? held.filter((state) => state.reserved > 0).map((state) => ({ requestId: state.requestId, quantity: state.reserved }));
    const plan = lines.map((line) => {
      const state = held.find((row) => row.requestId === line.requestId);
      const item = items.get(state?.item ?? '') as DonationItem | undefined;
      if (!state || !item || line.quantity > state.reserved + 1e-9) {
        throw new ApiError(409, 'DELIVERY_EXCEEDS_COMMITTED',
          `Allocation #${id} holds ${state?.reserved ?? 0} for request #${line.requestId} at warehouse #${input.warehouseId}; ${line.quantity} cannot be delivered.`,
          { requestId: line.requestId, held: state?.reserved ?? 0, quantity: line.quantity });
      }
      checkQuantity(item, line.quantity);
      return { state, quantity: line.quantity };
    }).sort((a, b) => a.state.requestId - b.state.requestId);
    for (const { state } of plan) await readDonationRequest(trx, state.requestId, { forUpdate: true });
    await lockStock(trx, plan.map(({ state }) => ({ warehouseId: state.warehouseId, item: state.item })));
    const movementIds: number[] = [];
    const fulfilledRequestIds: number[] = [];
    for (const { state, quantity } of plan) {
      const fromRoad = Math.min(quantity, state.inTransit);
      await changeStock(trx, state.warehouseId, state.item, { reserved: -quantity });
      movementIds.push(await applyMovement(trx, {
        kind: 'distributed', warehouseId: state.warehouseId, toWarehouseId: null, item: state.item, quantity: -quantity, reason: null, offerId: null,
        requestId: state.requestId, allocationId: id, routeScenarioId: input.routeScenarioId ?? null, date: input.date ?? null, importId: null, recordedBy: actor.username,
      }));
      await changeAssignment(trx, { allocationId: id, requestId: state.requestId, warehouseId: state.warehouseId }, { reserved: -quantity, inTransit: -fromRoad, delivered: quantity });
      await changeRequestQuantities(trx, state.requestId, { inTransit: -fromRoad, committed: -(quantity - fromRoad), fulfilled: quantity });
      if ((await readDonationRequest(trx, state.requestId))!.status === 'fulfilled') fulfilledRequestIds.push(state.requestId);
    }
    const collectedOfferIds: number[] = [];
    for (const offerId of input.collectedOfferIds ?? []) {
      const step = { warehouseId: input.warehouseId, date: input.date, routeScenarioId: input.routeScenarioId };
      await moveOffer(trx, actor, offerId, { status: 'collected', ...step });
      await moveOffer(trx, actor, offerId, { status: 'received', ...step });
      collectedOfferIds.push(offerId);
    }
    await recordAudit(trx, { actor, action: 'deliver', objectKind: 'allocation', objectId: id, before: null,
      after: { warehouseId: input.warehouseId, routeScenarioId: input.routeScenarioId ?? null, lines: plan.map(({ state, quantity }) => ({ requestId: state.requestId, quantity })), collectedOfferIds } });
    return { movementIds, fulfilledRequestIds, collectedOfferIds };
  });
}
