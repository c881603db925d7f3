import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { INSTITUTIONS_EOV_CSV, utf8, windows1250 } from '../src/org-fixtures.ts';

/** Two warehouses (Miskolc, Pécs) with capacities in parcels (households), synthetic test fixtures. */
const WAREHOUSES_CSV = 'név;lon;lat;kapacitás\nMiskolci raktár (teszt);20.6994;48.09281;400\nPécsi raktár (teszt);18.24181;46.08777;20\n';
/** Signalled households: Miskolc 30, Komló 15, Pécs 12 (57 in all; 27 around Pécs, above its capacity of 20). */
const SIGNALS_CSV = 'KSH kód;kategória;háztartások;dátum;szervezet\n30456;élelmiszer;30;2025-10-01;Teszt\n26408;fűtés;15;2025-10-02;Teszt\n19415;élelmiszer;12;2025-10-03;Teszt\n';
const ALSOZSOLCA = '21032';

interface Coverage {
  reachKm: number;
  distanceMethod: { kind: string; detourFactor: number };
  services: number;
  covered: { settlements: number; population: number; outskirtsPopulation2011: number };
  uncovered: { settlements: number; population: number; outskirtsPopulation2011: number };
  ranking: { by: string; indicator?: string; needDirection?: number; tieBreak: string };
  neediestUncovered: { code: string; name: string; need: number | null; distanceKm: number; households: number | null }[];
  bySettlement: Record<string, { distanceKm: number; covered: boolean }>;
}

interface Catchments {
  baseline?: Catchments['result'];
  result: {
    mode: string; demand: string; capacityUnit: string; maxDistanceKm: number | null;
    sites: { site: { name: string }; settlements: number; population: number; load: number; utilisation: number | null; geometry: { type: string } | null }[];
    assignment: Record<string, number>; splits: unknown[]; objective: number;
    unserved: { settlements: number; demand: number; codes: string[] };
  };
  difference?: { moved: { code: string; from: string | null; to: string | null }[]; objectiveChange: number; meanDistanceChangeKm: number | null; unservedChange: number };
}

describe.each(engineCases())('coverage and catchments on $name', ({ open }) => {
  const suite = apiSuite(open, [
    { kind: 'institutions', fileName: 'intezmenyek.csv', bytes: windows1250(INSTITUTIONS_EOV_CSV) },
    { kind: 'warehouses', fileName: 'raktarak.csv', bytes: utf8(WAREHOUSES_CSV) },
    { kind: 'need-signals', fileName: 'jelzesek.csv', bytes: utf8(SIGNALS_CSV) },
  ]);
  const get = <T>(path: string, status = 200): Promise<T> => suite.send<T>('GET', path, undefined, status);
  const post = <T>(path: string, body: unknown, status = 200): Promise<T> => suite.send<T>('POST', path, body, status);

  it('has settings with defaults and rejects bad ones', async () => {
    expect(await get('/api/settings')).toMatchObject({ detourFactor: 1.3, travelSpeedKmh: 50, segregation: { lowEducationMinShare: 50 } });
    const bad = await suite.request('/api/settings', { method: 'PUT', body: JSON.stringify({ detourFactor: 0.5 }), headers: { 'Content-Type': 'application/json' } });
    expect(bad.status).toBe(400);
  });

  it('measures coverage of a service type within a reach, and says how distances were measured', async () => {
    const coverage = await get<Coverage>('/api/coverage?type=social-kitchen&reachKm=15');
    expect(coverage).toMatchObject({ reachKm: 15, services: 1, distanceMethod: { kind: 'straight-line-estimate', detourFactor: 1.3 } });
    expect(coverage.covered.settlements + coverage.uncovered.settlements).toBe(3177);
    expect(coverage.covered.population + coverage.uncovered.population).toBe(9_584_627);
    expect(coverage.bySettlement['03939']).toEqual({ distanceKm: 0, covered: true });
    expect(coverage.bySettlement['19415']!.covered).toBe(false);
    expect(coverage.covered.settlements).toBeGreaterThan(3);
    expect(coverage.covered.settlements).toBeLessThan(60);
    const minutes = await get<Coverage>('/api/coverage?type=social-kitchen&reachMinutes=18');
    expect(minutes.reachKm).toBeCloseTo(15, 6);
    expect(minutes.covered).toEqual(coverage.covered);
  });

  it('ranks the neediest uncovered places by a need indicator in its need direction', async () => {
    const coverage = await get<Coverage>('/api/coverage?type=social-kitchen,family-child-welfare&reachKm=10&rankBy=dev_index_290_2014&limit=10');
    const needs = coverage.neediestUncovered.map((place) => place.need!);
    expect(needs).toHaveLength(10);
    expect([...needs].sort((a, b) => a - b)).toEqual(needs);
    expect(needs[0]).toBe(1863);
    expect((await get<{ error: { code: string } }>('/api/coverage?type=social-kitchen&reachKm=10&rankBy=population', 400)).error.code).toBe('INVALID_PARAMETER');
    expect((await get<{ error: { code: string } }>('/api/coverage?reachKm=10', 400)).error.code).toBe('INVALID_PARAMETER');
  });

  it('assigns every settlement to its nearest warehouse and draws the catchments', async () => {
    const { result } = await post<Catchments>('/api/catchments', { mode: 'nearest' });
    expect(Object.keys(result.assignment)).toHaveLength(3177);
    expect(result.sites.map((entry) => entry.site.name)).toEqual(['Miskolci raktár (teszt)', 'Pécsi raktár (teszt)']);
    expect(result.sites.reduce((sum, entry) => sum + entry.population, 0)).toBe(9_584_627);
    expect(result.assignment['03939']).toBe(0);
    expect(result.assignment['25584']).toBe(1);
    for (const entry of result.sites) expect(entry.geometry?.type).toMatch(/Polygon/);
  });

  it('computes utilisation only when demand and capacity share a unit (households), and says which', async () => {
    const people = (await post<Catchments>('/api/catchments', { mode: 'nearest', demand: 'population' })).result;
    expect(people).toMatchObject({ demand: 'population', capacityUnit: 'households' });
    for (const entry of people.sites) expect(entry.utilisation, 'residents against parcel capacity').toBeNull();
    const households = (await post<Catchments>('/api/catchments', { mode: 'nearest', demand: 'households' })).result;
    expect(households.sites.map((entry) => entry.load)).toEqual([30, 27]);
    expect(households.sites[0]!.utilisation).toBeCloseTo(30 / 400, 9);
    expect(households.sites[1]!.utilisation).toBeCloseTo(27 / 20, 9);
    const mismatch = await post<{ error: { code: string } }>('/api/catchments', { mode: 'capacitated', demand: 'population' }, 400);
    expect(mismatch.error.code).toBe('DEMAND_CAPACITY_MISMATCH');
  });

  it('respects capacities within a maximum distance and shows the unserved demand instead of sending it across the country', async () => {
    const { result } = await post<Catchments>('/api/catchments', { mode: 'capacitated', demand: 'households', maxDistanceKm: 100 });
    expect(result.maxDistanceKm).toBe(100);
    expect(result.sites.map((entry) => entry.load)).toEqual([30, 20]);
    expect(result.unserved.demand).toBeCloseTo(7, 6);
    expect(result.unserved.codes.every((code) => code === '19415' || code === '26408')).toBe(true);
    // Settlements without demand belong to their nearest warehouse, not to whichever the solver happened to name.
    expect(result.assignment['23959'], 'Mohács').toBe(1);
    expect(result.assignment['26578'], 'Szigetvár').toBe(1);
    expect(result.sites[0]!.settlements).toBeLessThan(2500);
    expect(result.sites[1]!.settlements).toBeGreaterThan(500);

    // With no distance limit as much as possible is served: the 7 left over travel to Miskolc, said and counted.
    const unlimited = (await post<Catchments>('/api/catchments', { mode: 'capacitated', demand: 'households' })).result;
    expect(unlimited.sites.map((entry) => entry.load)).toEqual([37, 20]);
    expect(unlimited.unserved).toEqual({ settlements: 0, demand: 0, demandBelowThreshold: false, codes: [] });
    expect(unlimited.assignment['23959']).toBe(1);

    // Capacity below the demand: the shortfall is unserved demand, not an error.
    const stored = (await get<{ features: { id: number }[] }>('/api/layers/warehouses')).features.map((feature) => feature.id);
    const small = await post<Catchments>('/api/catchments', {
      mode: 'capacitated', demand: 'households', scenario: { sites: [{ name: 'Kicsi raktár', lon: 20.1435, lat: 46.2529, capacity: 10 }], remove: stored },
    });
    expect(small.result.sites[0]!.load).toBeCloseTo(10, 6);
    expect(small.result.unserved.demand).toBeCloseTo(47, 6);
  });

  it('ranks the neediest uncovered places by need signals by default, never by population alone', async () => {
    const coverage = await get<Coverage>('/api/coverage?type=social-kitchen&reachKm=15');
    expect(coverage.ranking).toEqual({ by: 'need-signals', tieBreak: 'population' });
    expect(coverage.neediestUncovered.map((place) => place.code)).toEqual(['30456', '26408', '19415']);
    const byIndex = await get<Coverage>('/api/coverage?type=social-kitchen&reachKm=15&rankBy=dev_index_290_2014');
    expect(byIndex.ranking).toEqual({ by: 'indicator', indicator: 'dev_index_290_2014', needDirection: -1, tieBreak: 'population' });
    expect(byIndex.neediestUncovered.every((place) => place.need !== null)).toBe(true);
  });

  it('counts a settlement exactly at the reach as covered, in whole metres', async () => {
    const far = await get<Coverage>('/api/coverage?type=social-kitchen&reachKm=500');
    const codes = [ALSOZSOLCA, '30456', '26408', '19415', '23959'];
    for (const code of codes) {
      const distance = far.bySettlement[code]!.distanceKm!;
      expect(Math.round(distance * 1000) / 1000, 'distances in whole metres').toBe(distance);
      const atReach = await get<Coverage>(`/api/coverage?type=social-kitchen&reachKm=${distance}`);
      expect(atReach.bySettlement[code], `${code} at ${distance} km`).toEqual({ distanceKm: distance, covered: true });
      expect(atReach.neediestUncovered.some((place) => place.code === code)).toBe(false);
    }
  });

  it('serves nobody beyond the maximum distance, even nearest, and a what-if warehouse takes up the unserved', async () => {
    const { result } = await post<Catchments>('/api/catchments', { mode: 'nearest', demand: 'population', maxDistanceKm: 60 });
    expect(result.unserved.settlements).toBeGreaterThan(1000);
    expect(result.assignment['33367'], 'Szeged, farther than 60 km from both').toBeUndefined();
    expect(result.unserved.codes).toContain('33367');
    const served = result.sites.reduce((sum, entry) => sum + entry.load, 0);
    expect(served + result.unserved.demand).toBe(9_584_627);
    const response = await post<Catchments>('/api/catchments', {
      mode: 'nearest', demand: 'population', maxDistanceKm: 60, scenario: { sites: [{ name: 'Szegedi raktár (terv)', lon: 20.1435, lat: 46.2529 }] },
    });
    expect(response.difference!.moved.find((move) => move.code === '33367')).toEqual({ code: '33367', from: null, to: 'Szegedi raktár (terv)' });
    expect(response.difference!.unservedChange).toBeLessThan(0);
  });

  it('shows what adding a warehouse in Szeged changes', async () => {
    const response = await post<Catchments>('/api/catchments', { mode: 'nearest', scenario: { sites: [{ name: 'Szegedi raktár (terv)', lon: 20.1435, lat: 46.2529 }] } });
    expect(response.result.sites).toHaveLength(3);
    expect(response.result.assignment['33367']).toBe(2);
    expect(response.difference!.moved.find((move) => move.code === '33367')).toMatchObject({ to: 'Szegedi raktár (terv)' });
    expect(response.difference!.objectiveChange).toBeLessThan(0);
    // Residents come nearer: the mean distance of the served demand falls, in km.
    const before = response.baseline!.objective / response.baseline!.sites.reduce((sum, entry) => sum + entry.load, 0);
    const after = response.result.objective / response.result.sites.reduce((sum, entry) => sum + entry.load, 0);
    expect(response.difference!.meanDistanceChangeKm).toBeCloseTo(after - before, 9);
    expect(response.difference!.meanDistanceChangeKm).toBeLessThan(0);
    expect(response.difference!.unservedChange).toBe(0);
  });
});
