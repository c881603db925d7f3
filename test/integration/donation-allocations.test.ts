import { stockMismatches, type Allocation, type DonationRequest, type StockLevel } from '@terep/db';
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
    const [a, b] = await Promise.all([1, 2].map(() => suite.send<Allocation>('POST', '/api/allocations', body, 201)));
    const answers = await Promise.all([a!, b!].map((allocation) => suite.request(`/api/allocations/${allocation.id}/commit`, { method: 'POST' })));
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
});
