import type { AuditPage, RouteRequest, RouteScenario, RouteScenarioSummary, SavedRoutePlan } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';

/*
 * Saved delivery plans: every answered POST /api/routes is kept as a route scenario that the
 * logistics page lists and restores after a reload. Stops are five Borsod settlements with
 * made-up amounts; the depot is Miskolc's centre.
 */
const REQUEST: RouteRequest & { name: string } = {
  name: 'Keddi kiszállítás (teszt)',
  depots: [{ settlementCode: '30456' }],
  stops: [
    { settlementCode: '16054', delivery: 30 },
    { settlementCode: '06691', delivery: 30 },
    { settlementCode: '27410', delivery: 30 },
    { settlementCode: '10728', delivery: 30 },
    { name: 'Partner szervezet (teszt)', lon: 20.79, lat: 48.1, delivery: 5 },
  ],
  // One kind of van, three of it, each too small for all the parcels: the plan needs several.
  fleet: [{ name: 'Kisbusz', count: 3, capacity: 70, shift: { from: '08:00', to: '16:00' } }],
  timeLimitSeconds: 1,
  seed: 3,
};

describe.each(engineCases())('saved route scenarios on $name', ({ open }) => {
  const suite = apiSuite(open);

  it('saves an answered plan, lists it, restores it whole and deletes it', async () => {
    const plan = await suite.send<SavedRoutePlan>('POST', '/api/routes', REQUEST);
    expect(plan.routes.length).toBeGreaterThan(1);
    // Vans of one kind are told apart: "Kisbusz 1", "Kisbusz 2", never the same name twice.
    const vehicles = plan.routes.map((route) => route.vehicle);
    expect(new Set(vehicles).size).toBe(vehicles.length);
    for (const vehicle of vehicles) expect(vehicle).toMatch(/^Kisbusz [1-3]$/);
    expect(plan.scenario).toMatchObject({ name: REQUEST.name, routes: plan.routes.length, stops: 5, distanceKm: plan.totals.distanceKm });

    const { scenarios } = await suite.send<{ scenarios: RouteScenarioSummary[] }>('GET', '/api/routes/scenarios');
    expect(scenarios[0]).toEqual(plan.scenario);

    const saved = await suite.send<RouteScenario>('GET', `/api/routes/scenarios/${plan.scenario.id}`);
    const { scenario: _scenario, ...planOnly } = plan;
    expect(saved.plan).toEqual(planOnly);
    const { name: _name, ...requestOnly } = REQUEST;
    expect(saved.request).toEqual(requestOnly);
    expect(saved.stopPlaces.map((place) => place.name)).toEqual(['Sajószentpéter', 'Kazincbarcika', 'Putnok', 'Edelény', 'Partner szervezet (teszt)']);
    expect(saved.stopPlaces[4]).toMatchObject({ settlementCode: null, lon: 20.79, lat: 48.1 });

    expect(await suite.send('DELETE', `/api/routes/scenarios/${plan.scenario.id}`)).toEqual({ id: plan.scenario.id, deleted: true });
    const gone = await suite.send<{ error: { code: string } }>('GET', `/api/routes/scenarios/${plan.scenario.id}`, undefined, 404);
    expect(gone.error.code).toBe('ROUTE_SCENARIO_NOT_FOUND');
  });

  it('names an unnamed plan by its time and saves nothing for a refused request', async () => {
    const { name: _name, ...unnamed } = REQUEST;
    const before = await suite.send<{ scenarios: RouteScenarioSummary[] }>('GET', '/api/routes/scenarios');
    const refused = await suite.send<{ error: { code: string } }>('POST', '/api/routes', { ...unnamed, depots: [] }, 400);
    expect(refused.error.code).toBe('NO_DEPOTS');
    expect((await suite.send<{ scenarios: RouteScenarioSummary[] }>('GET', '/api/routes/scenarios')).scenarios).toEqual(before.scenarios);

    const plan = await suite.send<SavedRoutePlan>('POST', '/api/routes', unnamed);
    try {
      expect(plan.scenario.name).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    } finally {
      await suite.send('DELETE', `/api/routes/scenarios/${plan.scenario.id}`);
    }
  });

  it('audits saving and deleting a route plan with who and what, in the same transaction as the write', async () => {
    const logistics = suite.as('logistics');
    const plan = await logistics.send<SavedRoutePlan>('POST', '/api/routes', REQUEST);
    await logistics.send('DELETE', `/api/routes/scenarios/${plan.scenario.id}`);
    const entries = (await suite.send<AuditPage>('GET', '/api/audit?kind=route&pageSize=50')).entries.filter((entry) => entry.objectId === String(plan.scenario.id));
    const { name: _name, ...requestOnly } = REQUEST;
    expect(entries).toMatchObject([
      { username: 'test-logistics', action: 'delete', before: { name: REQUEST.name, request: requestOnly }, after: null },
      { username: 'test-logistics', action: 'create', before: null, after: { name: REQUEST.name, request: requestOnly } },
    ]);
    // A delete of nothing writes no entry.
    const total = (await suite.send<AuditPage>('GET', '/api/audit?kind=route&pageSize=1')).total;
    await logistics.send('DELETE', `/api/routes/scenarios/${plan.scenario.id}`, undefined, 404);
    expect((await suite.send<AuditPage>('GET', '/api/audit?kind=route&pageSize=1')).total).toBe(total);
  });

  it.each([
    ['GET', '/api/routes/scenarios/0', 400, 'INVALID_PARAMETER'],
    ['GET', '/api/routes/scenarios/abc', 400, 'INVALID_PARAMETER'],
    ['DELETE', '/api/routes/scenarios/999999', 404, 'ROUTE_SCENARIO_NOT_FOUND'],
  ])('%s %s → %i %s', async (method, path, status, code) => {
    const body = await suite.send<{ error: { code: string } }>(method, path, undefined, status);
    expect(body.error.code).toBe(code);
  });
});
