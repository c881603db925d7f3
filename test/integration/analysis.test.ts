import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { INSTITUTIONS_EOV_CSV, utf8, windows1250 } from '../src/org-fixtures.ts';

/** Two warehouses (Miskolc, Pécs), synthetic test fixtures. */
const WAREHOUSES_CSV = 'név;lon;lat;kapacitás\nMiskolci raktár (teszt);20.6994;48.09281;6000000\nPécsi raktár (teszt);18.24181;46.08777;6000000\n';

interface Coverage {
  reachKm: number;
  distanceMethod: { kind: string; detourFactor: number };
  services: number;
  covered: { settlements: number; population: number; outskirtsPopulation2011: number };
  uncovered: { settlements: number; population: number; outskirtsPopulation2011: number };
  neediestUncovered: { code: string; name: string; need: number | null; distanceKm: number }[];
  bySettlement: Record<string, { distanceKm: number; covered: boolean }>;
}

interface Catchments {
  result: { mode: string; sites: { site: { name: string }; settlements: number; population: number; load: number; geometry: { type: string } | null }[]; assignment: Record<string, number>; splits: unknown[]; objective: number };
  difference?: { moved: { code: string; from: string; to: string }[]; objectiveChange: number };
}

describe.each(engineCases())('coverage and catchments on $name', ({ open }) => {
  const suite = apiSuite(open, [
    { kind: 'institutions', fileName: 'intezmenyek.csv', bytes: windows1250(INSTITUTIONS_EOV_CSV) },
    { kind: 'warehouses', fileName: 'raktarak.csv', bytes: utf8(WAREHOUSES_CSV) },
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

  it('respects capacities exactly, and refuses capacities below demand', async () => {
    const nearest = (await post<Catchments>('/api/catchments', { mode: 'nearest' })).result;
    const { result } = await post<Catchments>('/api/catchments', { mode: 'capacitated' });
    for (const entry of result.sites) expect(entry.load).toBeLessThanOrEqual(6_000_000 + 1e-6);
    expect(result.sites[0]!.load + result.sites[1]!.load).toBeCloseTo(9_584_627, 3);
    expect(result.splits.length).toBeLessThanOrEqual(1);
    expect(result.objective).toBeGreaterThanOrEqual(nearest.objective - 1e-6);
    const stored = (await get<{ features: { id: number }[] }>('/api/layers/warehouses')).features.map((feature) => feature.id);
    const tooSmall = await post<{ error: { code: string; message: string } }>('/api/catchments', {
      mode: 'capacitated', scenario: { sites: [{ name: 'Kicsi raktár', lon: 20.1435, lat: 46.2529, capacity: 10 }], remove: stored },
    }, 400);
    expect(tooSmall.error.code).toBe('CAPACITY_BELOW_DEMAND');
    expect(tooSmall.error.message).toMatch(/below total demand/);
  });

  it('shows what adding a warehouse in Szeged changes', async () => {
    const response = await post<Catchments>('/api/catchments', { mode: 'nearest', scenario: { sites: [{ name: 'Szegedi raktár (terv)', lon: 20.1435, lat: 46.2529 }] } });
    expect(response.result.sites).toHaveLength(3);
    expect(response.result.assignment['33367']).toBe(2);
    expect(response.difference!.moved.find((move) => move.code === '33367')).toMatchObject({ to: 'Szegedi raktár (terv)' });
    expect(response.difference!.objectiveChange).toBeLessThan(0);
  });
});
