import type { CatchmentAnswer, CoverageSummary, HexAnswer, NeedSignalList, PlanDetail } from '@terep/db';
import type { FeatureCollection } from 'geojson';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';

/** Bakonybánk (Komárom-Esztergom, county 11): the one settlement with a signal in this suite, 3 households. */
const SETTLEMENT = '24244';
const COUNTY = '11';

/** Fields that carry need-signal counts, or figures computed from them; none may say 3 to a viewer. */
const COUNT_FIELDS = /"(households|persons|coveredWeight|totalWeight|objective|bound|load|demand)":\s*[1-4](?![0-9.])/;

describe.each(engineCases())('a settlement with 3 signalled households, as a viewer sees it, on $name', ({ open }) => {
  const suite = apiSuite(open);
  const viewer = suite.as('viewer');
  const plans: number[] = [];

  afterAll(async () => {
    for (const id of plans) await suite.send('DELETE', `/api/plans/${id}`);
    await sql`DELETE FROM need_signal WHERE import_id IS NULL AND organisation = 'Teszt adatvédelem'`.execute(suite.engine.db);
  });

  /** The viewer's answer, checked for the exact small count wherever it could hide. */
  const look = async <T>(path: string): Promise<T> => {
    const response = await viewer.request(path);
    expect(response.status, path).toBe(200);
    const text = await response.text();
    expect(text, path).not.toMatch(COUNT_FIELDS);
    return (path.includes('/events') ? text : JSON.parse(text)) as T;
  };

  it('records the signal through the form\'s route as a regional user', async () => {
    await suite.as('regional', [COUNTY]).send('POST', '/api/need-signals', {
      settlementCode: SETTLEMENT, category: 'heating', urgency: 'critical', households: 3, date: '2026-12-01', organisation: 'Teszt adatvédelem',
    }, 201);
  });

  it('shows "<5" on the map layer (what route stops and exports are built from)', async () => {
    const layer = await look<FeatureCollection>('/api/layers/need-signals');
    expect(layer.features.find((feature) => feature.id === SETTLEMENT)?.properties).toMatchObject({ households: null, householdsBelowThreshold: true });
  });

  it('shows "<5" in the heatmap cells at every resolution', async () => {
    for (const resolution of [4, 6, 8]) {
      const { cells } = await look<HexAnswer>(`/api/heatmap/h3?resolution=${resolution}`);
      const flagged = cells.filter((cell) => cell.householdsBelowThreshold);
      expect(flagged.length, `resolution ${resolution}`).toBeGreaterThanOrEqual(1);
      expect(flagged.every((cell) => cell.households === null)).toBe(true);
    }
  });

  it('shows "<5" in the coverage figures and the neediest uncovered places', async () => {
    const coverage = await look<CoverageSummary>('/api/coverage?type=elderly-day-care&reachKm=5');
    const place = coverage.neediestUncovered.find((entry) => entry.code === SETTLEMENT);
    expect(place).toMatchObject({ households: null });
    expect(coverage.uncovered.households).toBeNull();
  });

  it('leaves the counts out of plans weighted by need signals, while they run and when done', async () => {
    for (const model of ['mclp', 'pmedian'] as const) {
      const { id } = await suite.send<{ id: number }>('POST', '/api/plans', {
        model, serviceType: 'elderly-day-care', county: COUNTY, p: 1, reachKm: 10, method: 'exact', weight: { kind: 'need-signals', signal: 'households' },
      }, 202);
      plans.push(id);
      const events = await look<string>(`/api/plans/${id}/events`);
      expect(events).toContain('event: done');
      const plan = await look<PlanDetail>(`/api/plans/${id}`);
      expect(plan.result?.before).toMatchObject({ coveredWeight: null, totalWeight: null });
      expect(plan.result?.after).toMatchObject({ totalWeight: null });
      expect(plan.result?.objective).toBeNull();
      await look(`/api/plans`);
    }
  });

  it('withholds the catchment load of signalled households from a planner, and gives it to an admin', async () => {
    // A what-if warehouse in Bakonybánk serving only what lies within 1 km: the settlement's 3 households.
    const body = { demand: 'households', maxDistanceKm: 1, scenario: { sites: [{ name: 'Teszt raktár', lon: 17.9056, lat: 47.4639 }], remove: [] } };
    const admin = await suite.send<CatchmentAnswer>('POST', '/api/catchments', body);
    expect(admin.result.assignment[SETTLEMENT]).toBe(0);
    const exact = admin.result.sites[0]!.load;
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThan(5);
    for (const role of ['planner'] as const) {
      const response = await suite.as(role).request('/api/catchments', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text, role).not.toMatch(COUNT_FIELDS);
      const { result } = JSON.parse(text) as CatchmentAnswer;
      expect(result.sites[0]).toMatchObject({ load: null, loadBelowThreshold: true, utilisation: null });
      expect(result.objective).toBeNull();
    }
    // Residents are census figures, exact for everyone.
    const residents = await suite.as('planner').send<CatchmentAnswer>('POST', '/api/catchments', { ...body, demand: 'population' });
    expect(residents.result.sites[0]).toMatchObject({ loadBelowThreshold: false });
    expect(residents.result.sites[0]!.load).toBeGreaterThan(5);
  });

  it('gives raw rows to admins and regional users of the county, never to a viewer', async () => {
    expect((await viewer.send<{ error: { code: string } }>('GET', '/api/need-signals', undefined, 403)).error.code).toBe('FORBIDDEN');
    expect((await suite.as('planner').send<{ error: { code: string } }>('GET', '/api/need-signals', undefined, 403)).error.code).toBe('FORBIDDEN');
    const raw = await suite.as('regional', [COUNTY]).send<NeedSignalList>('GET', '/api/need-signals');
    expect(raw.signals.find((signal) => signal.settlementCode === SETTLEMENT)).toMatchObject({ households: 3, organisation: 'Teszt adatvédelem' });
    expect((await suite.as('regional', ['02']).send<NeedSignalList>('GET', '/api/need-signals')).signals.some((signal) => signal.settlementCode === SETTLEMENT)).toBe(false);
  });
});
