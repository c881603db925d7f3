import { stockMismatches, type Allocation, type AllocationRouteProblems, type DeliveryRecorded, type DonationOffer, type DonationRequest, type SavedRoutePlan, type StockLevel, type StockMovementList } from '@terep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { clearDonations, DONATION_WAREHOUSES, donationWarehouseIds } from '../src/donation-fixtures.ts';
import { engineCases } from '../src/engines.ts';

interface ErrorAnswer {
  error: { code: string; message: string; params: Record<string, string | number> };
}

const ORGANISATION = 'Teszt elosztás';
/** Kazincbarcika, Ózd, Sajószentpéter, Putnok (Borsod). */
const KAZINCBARCIKA = '06691';
const OZD = '14492';
const SAJOSZENTPETER = '16054';
const PUTNOK = '27410';

describe.each(engineCases())('donation allocation and its commitment on $name', ({ open }) => {
  const suite = apiSuite(open, [DONATION_WAREHOUSES]);
  let miskolc = 0;
  let ozd = 0;
  let pecs = 0;

  beforeAll(async () => {
    [miskolc, ozd, pecs] = await donationWarehouseIds(suite);
  });
  afterAll(async () => {
    await clearDonations(suite.engine, await donationWarehouseIds(suite), ORGANISATION);
  });

  const receive = (warehouseId: number, item: string, quantity: number) =>
    suite.send('POST', '/api/stock/movements', { warehouseId, item, quantity, kind: 'received' }, 201);
  const request = async (settlementCode: string, item: string, quantity: number, urgency: string, neededBy?: string) =>
    (await suite.send<{ id: number }>('POST', '/api/requests', { settlementCode, item, quantity, urgency, organisation: `${ORGANISATION} Családsegítő`, ...(neededBy ? { neededBy } : {}) }, 201)).id;
  const stockOf = async (warehouseId: number, item: string) =>
    (await suite.send<StockLevel[]>('GET', `/api/stock?warehouseId=${warehouseId}`)).find((row) => row.item === item);
  const requestOf = (id: number) => suite.send<DonationRequest>('GET', `/api/requests/${id}`);

  it('serves the most urgent first, respects stock and requests, commits once and never allocates committed quantities again', async () => {
    await receive(miskolc, 'school-kit', 5);
    await receive(ozd, 'school-kit', 3);
    await receive(pecs, 'school-kit', 10);
    const critical = await request(KAZINCBARCIKA, 'school-kit', 4, 'critical');
    const high = await request(OZD, 'school-kit', 3, 'high');
    const low = await request(SAJOSZENTPETER, 'school-kit', 5, 'low');
    const body = { requestIds: [critical, high, low], warehouseIds: [miskolc, ozd] };

    const allocation = await suite.as('logistics').send<Allocation>('POST', '/api/allocations', body, 201);
    expect(allocation).toMatchObject({ status: 'proposed', solver: { name: 'highs', optimal: true }, distanceMethod: { kind: 'straight-line-estimate' } });
    const servedTo = (id: number) => allocation.assignments.filter((row) => row.requestId === id).reduce((sum, row) => sum + row.quantity, 0);
    expect([servedTo(critical), servedTo(high), servedTo(low)]).toEqual([4, 3, 1]);
    expect(allocation.unmet).toEqual([{ requestId: low, item: 'school-kit', quantity: 4, reason: 'no-stock' }]);
    expect(allocation.objective).toMatchObject({ served: 8, requested: 12, servedByUrgency: { critical: 4, high: 3, medium: 0, low: 1 } });
    for (const warehouseId of [miskolc, ozd]) {
      const given = allocation.assignments.filter((row) => row.warehouseId === warehouseId).reduce((sum, row) => sum + row.quantity, 0);
      expect(given).toBe(warehouseId === miskolc ? 5 : 3);
    }
    expect(allocation.assignments.every((row) => row.warehouseId !== pecs && row.distanceKm > 0)).toBe(true);
    // Ózd's parcels go to Ózd (0 km is not possible: the warehouse stands off the settlement's centre), not across to Kazincbarcika.
    expect(allocation.assignments.find((row) => row.requestId === high)).toMatchObject({ warehouseId: ozd, quantity: 3 });
    const transport = allocation.assignments.reduce((sum, row) => sum + row.distanceKm * row.quantity, 0);
    expect(allocation.objective.transport).toBeCloseTo(transport, 2);
    // Nothing is held before the commit.
    expect(await stockOf(miskolc, 'school-kit')).toMatchObject({ quantity: 5, reserved: 0, available: 5 });

    const committed = await suite.send<Allocation>('POST', `/api/allocations/${allocation.id}/commit`);
    expect(committed).toMatchObject({ id: allocation.id, status: 'committed', assignments: expect.arrayContaining(allocation.assignments) });
    expect(committed.committedAt).not.toBeNull();
    expect(await stockOf(miskolc, 'school-kit')).toMatchObject({ quantity: 5, reserved: 5, available: 0 });
    expect(await requestOf(critical)).toMatchObject({ status: 'committed', committed: 4, outstanding: 0 });
    expect(await requestOf(low)).toMatchObject({ status: 'committed', committed: 1, outstanding: 4 });
    // Again: the same answer, nothing held twice.
    expect(await suite.send<Allocation>('POST', `/api/allocations/${allocation.id}/commit`)).toEqual(committed);
    expect(await stockOf(miskolc, 'school-kit')).toMatchObject({ reserved: 5 });
    expect(await requestOf(low)).toMatchObject({ committed: 1 });
    expect(await stockMismatches(suite.engine.db)).toEqual([]);

    // A new run sees only what is left: nothing at Miskolc or Ózd, so the low request's rest stays unmet.
    const again = await suite.send<Allocation>('POST', '/api/allocations', body, 201);
    expect(again.assignments).toEqual([]);
    expect(again.unmet).toEqual([{ requestId: low, item: 'school-kit', quantity: 4, reason: 'no-stock' }]);
    // With Pécs, its stock serves the rest.
    const withPecs = await suite.send<Allocation>('POST', '/api/allocations', { requestIds: [critical, high, low] }, 201);
    expect(withPecs.assignments).toEqual([expect.objectContaining({ requestId: low, warehouseId: pecs, quantity: 4 })]);

    // Held stock cannot be taken by a movement.
    const refused = await suite.send<ErrorAnswer>('POST', '/api/stock/movements', { warehouseId: miskolc, item: 'school-kit', quantity: 1, kind: 'distributed' }, 409);
    expect(refused.error).toMatchObject({ code: 'STOCK_INSUFFICIENT', params: { available: 0 } });
    // Cancelling a request gives its held stock back.
    await suite.send('POST', `/api/requests/${critical}/cancel`, { reason: 'máshonnan megkapta' });
    const critAt = (warehouseId: number) => committed.assignments.filter((row) => row.requestId === critical && row.warehouseId === warehouseId).reduce((s, row) => s + row.quantity, 0);
    expect(await stockOf(miskolc, 'school-kit')).toMatchObject({ reserved: 5 - critAt(miskolc) });
    expect(await stockMismatches(suite.engine.db)).toEqual([]);
  });

  it('refuses to commit an allocation a newer movement or commit made stale, writing nothing', async () => {
    await receive(ozd, 'baby-pack', 6);
    const first = await request(PUTNOK, 'baby-pack', 4, 'medium', '2026-12-15');
    const second = await request(OZD, 'baby-pack', 4, 'medium', '2026-12-15');
    const body = { requestIds: [first, second], warehouseIds: [ozd] };

    const moved = await suite.send<Allocation>('POST', '/api/allocations', body, 201);
    await receive(ozd, 'baby-pack', 1);
    const refused = await suite.send<ErrorAnswer>('POST', `/api/allocations/${moved.id}/commit`, undefined, 409);
    expect(refused.error).toMatchObject({ code: 'ALLOCATION_STALE', params: { reason: 'stock-moved', warehouseId: ozd, item: 'baby-pack' } });
    expect((await suite.send<Allocation>('GET', `/api/allocations/${moved.id}`)).status).toBe('proposed');
    expect(await stockOf(ozd, 'baby-pack')).toMatchObject({ quantity: 7, reserved: 0 });

    // Two allocations of the same stock, committed at once: one wins, the other is stale.
    // (Computed one after the other: a user runs one solver job at a time.)
    const a = await suite.send<Allocation>('POST', '/api/allocations', body, 201);
    const b = await suite.send<Allocation>('POST', '/api/allocations', body, 201);
    const answers = await Promise.all([a, b].map((allocation) => suite.request(`/api/allocations/${allocation.id}/commit`, { method: 'POST' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const loser = (await answers.find((answer) => answer.status === 409)!.json()) as ErrorAnswer;
    expect(loser.error).toMatchObject({ code: 'ALLOCATION_STALE' });
    expect(['stock-reserved', 'request-changed']).toContain(loser.error.params.reason);
    expect(await stockOf(ozd, 'baby-pack')).toMatchObject({ quantity: 7, reserved: 7 });
    expect((await requestOf(first)).committed + (await requestOf(second)).committed).toBe(7);
    expect(await stockMismatches(suite.engine.db)).toEqual([]);

    expect((await suite.send<ErrorAnswer>('POST', '/api/allocations/999999/commit', undefined, 404)).error.code).toBe('ALLOCATION_NOT_FOUND');
    expect((await suite.send<ErrorAnswer>('POST', '/api/allocations', { items: ['gold-bars'] }, 400)).error.code).toBe('UNKNOWN_ITEM');
    expect((await suite.send<ErrorAnswer>('POST', '/api/allocations', { warehouseIds: [999_999] }, 400)).error.code).toBe('UNKNOWN_WAREHOUSE');
    for (const role of ['viewer', 'planner'] as const) {
      expect((await suite.as(role).send<ErrorAnswer>('POST', '/api/allocations', body, 403)).error.code).toBe('FORBIDDEN');
    }
  });

  it('turns a committed allocation into a route per warehouse with pickups, and records the delivery, partial too', async () => {
    await receive(miskolc, 'firewood', 6);
    await receive(miskolc, 'food-parcel', 10);
    const wood = await request(KAZINCBARCIKA, 'firewood', 2.5, 'high');
    const parcels = await request(SAJOSZENTPETER, 'food-parcel', 6, 'critical');
    const offer = await suite.send<{ id: number }>('POST', '/api/offers', { donorKind: 'company', donorName: 'Teszt Kft.', settlementCode: PUTNOK,
      warehouseId: miskolc, lines: [{ item: 'clothing-bag', quantity: 5 }], note: `${ORGANISATION} pickup` }, 201);
    await suite.send('POST', `/api/offers/${offer.id}/status`, { status: 'accepted' });
    const allocation = await suite.send<Allocation>('POST', '/api/allocations', { requestIds: [wood, parcels], warehouseIds: [miskolc] }, 201);
    expect((await suite.send<{ error: { code: string } }>('GET', `/api/allocations/${allocation.id}/routes`, undefined, 409)).error.code).toBe('ALLOCATION_NOT_COMMITTED');
    await suite.send('POST', `/api/allocations/${allocation.id}/commit`);

    const { problems } = await suite.as('logistics').send<AllocationRouteProblems>('GET', `/api/allocations/${allocation.id}/routes`);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.warehouseId).toBe(miskolc);
    expect(problem!.route.depots).toEqual([{ warehouseId: miskolc }]);
    // Firewood takes 4 load units per m³: 2.5 m³ are 10; six parcels are 6; the offer's five bags ride back.
    expect(problem!.route.stops).toEqual(expect.arrayContaining([
      { settlementCode: KAZINCBARCIKA, delivery: 10 }, { settlementCode: SAJOSZENTPETER, delivery: 6 }, { settlementCode: PUTNOK, delivery: 0, pickup: 5 },
    ]));
    expect(problem!.stops.find((stop) => stop.settlementCode === PUTNOK)!.offers).toEqual([{ offerId: offer.id, lines: [{ item: 'clothing-bag', quantity: 5 }] }]);
    expect(problem!.route.fleet[0]).toMatchObject({ count: 1, capacity: 40 });

    // The existing router plans it as it is.
    const plan = await suite.as('logistics').send<SavedRoutePlan>('POST', '/api/routes', { ...problem!.route, timeLimitSeconds: 1, seed: 1 });
    expect(plan.totals).toMatchObject({ delivery: 16, pickup: 5 });
    const routeScenarioId = plan.scenario.id;

    expect(await suite.send('POST', `/api/allocations/${allocation.id}/dispatch`, { warehouseId: miskolc, routeScenarioId })).toEqual({ requestIds: [wood, parcels].sort((a, b) => a - b) });
    expect(await requestOf(parcels)).toMatchObject({ status: 'in-transit', inTransit: 6, committed: 0 });

    // Two parcels fewer reached Sajószentpéter than planned: a partial delivery.
    const tooMuch = await suite.send<{ error: { code: string } }>('POST', `/api/allocations/${allocation.id}/deliveries`,
      { warehouseId: miskolc, lines: [{ requestId: parcels, quantity: 7 }] }, 409);
    expect(tooMuch.error.code).toBe('DELIVERY_EXCEEDS_COMMITTED');
    const recorded = await suite.send<DeliveryRecorded>('POST', `/api/allocations/${allocation.id}/deliveries`, {
      warehouseId: miskolc, routeScenarioId, lines: [{ requestId: wood, quantity: 2.5 }, { requestId: parcels, quantity: 4 }], collectedOfferIds: [offer.id], date: '2026-12-05',
    }, 201);
    expect(recorded.movementIds).toHaveLength(2);
    expect(recorded.fulfilledRequestIds).toEqual([wood]);
    expect(recorded.collectedOfferIds).toEqual([offer.id]);
    expect(await requestOf(wood)).toMatchObject({ status: 'fulfilled', fulfilled: 2.5, inTransit: 0 });
    expect(await requestOf(parcels)).toMatchObject({ status: 'in-transit', fulfilled: 4, inTransit: 2 });
    expect(await stockOf(miskolc, 'food-parcel')).toMatchObject({ quantity: 6, reserved: 2 });
    expect(await stockOf(miskolc, 'firewood')).toMatchObject({ quantity: 3.5, reserved: 0 });
    expect(await stockOf(miskolc, 'clothing-bag')).toMatchObject({ quantity: 5 });
    expect(await suite.send<DonationOffer>('GET', `/api/offers/${offer.id}`)).toMatchObject({ status: 'received' });
    const ledger = await suite.send<StockMovementList>('GET', `/api/stock/movements?requestId=${parcels}`);
    expect(ledger.movements).toEqual([expect.objectContaining({ kind: 'distributed', quantity: -4, allocationId: allocation.id, routeScenarioId, date: '2026-12-05' })]);
    // The rest later: the remaining two by default.
    const rest = await suite.send<DeliveryRecorded>('POST', `/api/allocations/${allocation.id}/deliveries`, { warehouseId: miskolc }, 201);
    expect(rest.fulfilledRequestIds).toEqual([parcels]);
    expect(await stockOf(miskolc, 'food-parcel')).toMatchObject({ quantity: 4, reserved: 0 });
    expect(await stockMismatches(suite.engine.db)).toEqual([]);
    await suite.send('DELETE', `/api/routes/scenarios/${routeScenarioId}`);
  });
});
