import type { RoutePlan, RouteRequest, RouteStopInput, StopListReading } from '@terep/db';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';

/** Two warehouses in Borsod (Miskolc, Ózd): synthetic test fixtures. */
const WAREHOUSES_CSV = 'név;lon;lat;kapacitás\nMiskolci raktár (útvonal teszt);20.6994;48.09281;5000\nÓzdi raktár (útvonal teszt);20.2889;48.2195;5000\n';

const window = (from: string, to: string) => ({ from, to });
/** A day's deliveries to fifteen Borsod settlements (made-up amounts), some with windows. */
const STOPS: RouteStopInput[] = [
  { settlementCode: '16054', delivery: 4 }, // Sajószentpéter
  { settlementCode: '06691', delivery: 6, window: window('09:00', '12:00') }, // Kazincbarcika
  { settlementCode: '27410', delivery: 3 }, // Putnok
  { settlementCode: '10728', delivery: 5, window: window('10:00', '14:00') }, // Edelény
  { settlementCode: '21351', delivery: 2 }, // Szikszó
  { settlementCode: '33048', delivery: 4, window: window('11:00', '15:00') }, // Encs
  { settlementCode: '19433', delivery: 5 }, // Mezőkövesd
  { settlementCode: '28352', delivery: 3, window: window('08:30', '12:30') }, // Tiszaújváros
  { settlementCode: '30739', delivery: 4 }, // Szerencs
  { settlementCode: '03595', delivery: 2, pickup: 6 }, // Abaújszántó: donations collected
  { settlementCode: '15936', delivery: 3 }, // Gönc
  { name: 'Ózdi Családsegítő (teszt)', lon: 20.2992, lat: 48.2206, delivery: 6, window: window('08:00', '10:00') },
  { settlementCode: '14492', delivery: 5 }, // Ózd
  { settlementCode: '02848', delivery: 3, pickup: 2 }, // Felsőzsolca
  { settlementCode: '18306', delivery: 2, window: window('13:00', '16:00') }, // Tokaj
];
const TOO_BIG = 'Túl nagy rendelés (teszt)';
const TOO_EARLY = 'Sátoraljaújhely';

const CAPACITY = 40;
function fleet(depots: number): RouteRequest['fleet'] {
  return Array.from({ length: depots }, (_, depot) => ({ name: `Kisbusz ${depot + 1}`, count: 1, capacity: CAPACITY, shift: window('07:30', '17:00'), costPerKm: 150, depot }));
}

describe.each(engineCases())('delivery routes on $name', ({ open }) => {
  const suite = apiSuite(open, [{ kind: 'warehouses', fileName: 'raktarak.csv', bytes: utf8(WAREHOUSES_CSV) }]);
  let warehouseIds: number[] = [];
  let scenariosBefore: number[] = [];
  const scenarioIds = async () =>
    ((await (await suite.request('/api/routes/scenarios')).json()) as { scenarios: { id: number }[] }).scenarios.map((scenario) => scenario.id);

  beforeAll(async () => {
    scenariosBefore = await scenarioIds();
    const layer = (await (await suite.request('/api/layers/warehouses')).json()) as FeatureCollection;
    const ids = (name: string) => layer.features.filter((feature) => feature.properties?.name === name).map((feature) => Number(feature.id));
    warehouseIds = [...ids('Miskolci raktár (útvonal teszt)'), ...ids('Ózdi raktár (útvonal teszt)')];
  });
  afterAll(async () => {
    // Every answered plan is saved; the shared test database keeps none of this suite's.
    for (const id of await scenarioIds()) if (!scenariosBefore.includes(id)) await suite.request(`/api/routes/scenarios/${id}`, { method: 'DELETE' });
  });

  const post = async <T>(body: unknown, status = 200): Promise<T> => {
    const response = await suite.request('/api/routes', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const answer = (await response.json()) as T;
    expect(response.status, JSON.stringify(answer).slice(0, 500)).toBe(status);
    return answer;
  };

  it('plans feasible routes from two warehouses: every stop once, loads within capacity, arrivals within windows', async () => {
    expect(warehouseIds).toHaveLength(2);
    const request: RouteRequest = {
      depots: warehouseIds.map((warehouseId) => ({ warehouseId })),
      stops: [
        ...STOPS,
        { name: TOO_BIG, settlementCode: '16054', delivery: 55 },
        { settlementCode: '05120', delivery: 2, window: window('07:30', '07:45') },
      ],
      fleet: fleet(2),
      serviceMinutes: 12,
      timeLimitSeconds: 10,
      seed: 7,
    };
    const plan = await post<RoutePlan>(request);
    expect(plan.distanceMethod).toMatchObject({ kind: 'straight-line-estimate', detourFactor: 1.3 });
    expect(plan.feasible, plan.violations.join('; ')).toBe(true);
    expect(plan.violations).toEqual([]);

    // Stops no van can serve are named with the reason, not dropped silently.
    expect(plan.unservable.map((entry) => entry.name).sort()).toEqual([TOO_BIG, TOO_EARLY].sort());
    expect(plan.unservable.find((entry) => entry.name === TOO_BIG)!.reason).toMatch(/load 55 is above the capacity 40/);
    const tooBig = plan.unservable.find((entry) => entry.name === TOO_BIG)!.reasons;
    expect(tooBig.map((reason) => reason.code)).toEqual(tooBig.map(() => 'load-above-capacity'));
    expect(tooBig[0]).toEqual({ code: 'load-above-capacity', params: { load: 55, capacity: 40, vehicle: expect.stringMatching(/^Kisbusz/) } });
    expect(plan.unservable.find((entry) => entry.name === TOO_EARLY)!.reasons[0]).toMatchObject({ code: 'window-closes-before-arrival', params: { closes: '07:45' } });
    expect(plan.violationReasons).toEqual([]);
    expect(plan.unservable.find((entry) => entry.name === TOO_EARLY)!.reason).toMatch(/window closes at 07:45, but "Kisbusz \d" cannot arrive before \d\d:\d\d/);
    expect(plan.unroutable).toEqual([]);

    const served = plan.routes.flatMap((route) => route.visits.map((visit) => visit.stop)).sort((a, b) => a - b);
    expect(served).toEqual(STOPS.map((_, index) => index));
    expect(plan.routes.length).toBeLessThanOrEqual(2);
    expect(plan.depots.map((depot) => depot.name)).toEqual(['Miskolci raktár (útvonal teszt)', 'Ózdi raktár (útvonal teszt)']);

    for (const route of plan.routes) {
      expect(route.depot).toEqual(plan.depots[route.vehicleType]);
      expect(route.loadAtDeparture).toBe(route.visits.reduce((sum, visit) => sum + visit.delivery, 0));
      expect(route.maxLoad).toBeLessThanOrEqual(CAPACITY);
      let load = route.loadAtDeparture;
      let clock = route.departureMinutes;
      for (const visit of route.visits) {
        load += visit.pickup - visit.delivery;
        expect(visit.loadAfter).toBeCloseTo(load, 9);
        expect(visit.loadAfter).toBeLessThanOrEqual(CAPACITY);
        expect(visit.arrivalMinutes).toBeGreaterThan(clock);
        expect(visit.startMinutes).toBeGreaterThanOrEqual(visit.arrivalMinutes);
        const stop = STOPS[visit.stop]!;
        if (stop.window) {
          expect(visit.start >= stop.window.from.padStart(5, '0') && visit.start <= stop.window.to, `${visit.place.name} at ${visit.start}`).toBe(true);
          expect(visit.window).toEqual(stop.window);
        }
        expect(visit.departureMinutes - visit.startMinutes).toBeCloseTo(12, 6);
        clock = visit.departureMinutes;
      }
      expect(route.returnMinutes).toBeGreaterThan(clock);
      expect(route.departureMinutes).toBeGreaterThanOrEqual(7.5 * 60);
      expect(route.returnMinutes).toBeLessThanOrEqual(17 * 60);
      expect(route.durationMinutes).toBeCloseTo(route.returnMinutes - route.departureMinutes, 2);
      expect(route.distanceKm).toBeGreaterThan(route.visits.reduce((sum, visit) => sum + visit.distanceKm, 0));
      expect(route.cost).toBeCloseTo(route.distanceKm * 150, 1);
      // The path runs depot → stops → depot, with a time at every vertex for playback.
      expect(route.path[0]).toEqual([route.depot.lon, route.depot.lat]);
      expect(route.path.at(-1)).toEqual([route.endDepot.lon, route.endDepot.lat]);
      expect(route.pathMinutes).toHaveLength(route.path.length);
      expect(route.pathMinutes[0]).toBeCloseTo(route.departureMinutes, 2);
      expect(route.pathMinutes.at(-1)).toBeCloseTo(route.returnMinutes, 2);
      expect([...route.pathMinutes].sort((a, b) => a - b)).toEqual(route.pathMinutes);
    }

    const sum = (pick: (route: RoutePlan['routes'][number]) => number) => plan.routes.reduce((total, route) => total + pick(route), 0);
    expect(plan.totals.routes).toBe(plan.routes.length);
    expect(plan.totals.stops).toBe(STOPS.length);
    expect(plan.totals.distanceKm).toBeCloseTo(sum((route) => route.distanceKm), 6);
    expect(plan.totals.durationMinutes).toBeCloseTo(sum((route) => route.durationMinutes), 6);
    expect(plan.totals.cost).toBeCloseTo(sum((route) => route.cost), 6);
    expect(plan.totals.delivery).toBe(STOPS.reduce((total, stop) => total + stop.delivery, 0));
    expect(plan.totals.pickup).toBe(8);
  });

  it('answers bad requests with 400 and a stable code', async () => {
    const base: RouteRequest = { depots: [{ warehouseId: warehouseIds[0]! }], stops: STOPS.slice(0, 3), fleet: fleet(1), timeLimitSeconds: 1 };
    const code = async (body: unknown) => (await post<{ error: { code: string; message: string } }>(body, 400)).error;
    expect((await code({ ...base, depots: [] })).code).toBe('NO_DEPOTS');
    expect((await code({ ...base, stops: [] })).code).toBe('NO_STOPS');
    expect((await code({ ...base, fleet: [] })).code).toBe('EMPTY_FLEET');
    expect((await code({ ...base, fleet: [{ ...base.fleet[0]!, count: 0 }] })).code).toBe('EMPTY_FLEET');
    expect(await code({ ...base, depots: [{ warehouseId: 987_654 }] })).toMatchObject({ code: 'UNKNOWN_WAREHOUSE', message: expect.stringContaining('#987654') });
    expect(await code({ ...base, stops: [{ settlementCode: '99999', delivery: 1 }] })).toMatchObject({ code: 'UNKNOWN_SETTLEMENT', message: expect.stringContaining('99999') });
    expect(await code({ ...base, stops: [{ settlementCode: '16054', delivery: 1, window: window('9:00', '25:00') }] })).toMatchObject({ code: 'INVALID_TIME_WINDOW', message: expect.stringContaining('"25:00"'), params: { reason: 'stop-not-a-time', value: '25:00', stop: 1 } });
    expect((await code({ ...base, fleet: [{ ...base.fleet[0]!, depot: 3 }] })).code).toBe('UNKNOWN_DEPOT');
    expect(await code({ ...base, stops: [{ delivery: 1 }] })).toMatchObject({ code: 'INVALID_PARAMETER', message: expect.stringContaining('settlementCode') });
    expect((await code({ ...base, fleet: [{ ...base.fleet[0]!, capacity: -1 }] })).code).toBe('INVALID_PARAMETER');
    const notJson = await suite.request('/api/routes', { method: 'POST', body: 'depots', headers: { 'Content-Type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });

  it('reads a stop list file with row-numbered problems', async () => {
    const form = new FormData();
    form.set('file', new File([utf8('KSH kód;Település;Kiszállítás;Időablak\n16054;;4;9:00-12:00\n;Sehonnan;2;\n;Encs;x;\n')], 'megallok.csv'));
    const response = await suite.request('/api/routes/stops/csv', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const reading = (await response.json()) as StopListReading;
    expect(reading.stops).toEqual([{ row: 2, settlementCode: '16054', name: 'Sajószentpéter', lon: expect.closeTo(20.7, 0), lat: expect.closeTo(48.2, 0), delivery: 4, window: { from: '09:00', to: '12:00' } }]);
    expect(reading.problems.map((entry) => [entry.row, entry.code])).toEqual([[3, 'UNKNOWN_SETTLEMENT'], [4, 'INVALID_NUMBER']]);
  });
});
