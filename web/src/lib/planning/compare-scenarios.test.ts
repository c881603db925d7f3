import type { PlanFigures, PlanScenario, PlanSite } from '@terep/db/contract';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from './compare-scenarios';

const site = (id: string, kind: PlanSite['kind'] = 'new'): PlanSite => ({
  id, kind, code: id, name: id, settlementName: id, lon: 19, lat: 47, capacity: null, served: { settlements: 1, population: 100 },
});
const figures = (sites: number, coveredPopulation: number, meanDistance: number | null): PlanFigures => ({
  sites, population: 1000, coveredPopulation, coveredShare: coveredPopulation / 1000, coveredWeight: coveredPopulation, totalWeight: 1000, meanDistance, maxDistance: 30,
});
const scenario = (id: number, sites: PlanSite[], after: PlanFigures): PlanScenario => ({
  id,
  name: `plan ${id}`,
  createdAt: '2026-11-24T00:00:00Z',
  status: 'done',
  request: { model: 'pmedian', serviceType: 'social-kitchen', p: sites.length },
  summary: {
    model: 'pmedian', unit: 'km', weight: { kind: 'population' }, zeroWeight: 0, warnings: [], reach: 15, objective: 5000 - id, gap: 0, status: 'optimal', solver: 'highs', seconds: 1,
    distanceMethod: { kind: 'straight-line-estimate', detourFactor: 1.3 }, before: figures(1, 200, 20), after,
  },
  sites,
  error: null,
});

describe('compareScenarios', () => {
  it('sets the figures side by side and lists the sites added, removed and kept', () => {
    const first = scenario(1, [site('institution:7', 'existing'), site('02345'), site('04428')], figures(3, 600, 12.5));
    const second = scenario(2, [site('institution:7', 'existing'), site('04428'), site('18139')], figures(3, 700, 11));
    const comparison = compareScenarios(first, second);
    expect(comparison.added.map((entry) => entry.id)).toEqual(['18139']);
    expect(comparison.removed.map((entry) => entry.id)).toEqual(['02345']);
    expect(comparison.kept.map((entry) => entry.id)).toEqual(['institution:7', '04428']);
    expect(comparison.rows.find((row) => row.figure === 'coveredPopulation')).toEqual({ figure: 'coveredPopulation', first: 600, second: 700, difference: 100 });
    expect(comparison.rows.find((row) => row.figure === 'meanDistance')!.difference).toBeCloseTo(-1.5, 9);
  });

  it('compares objectives of the same model only', () => {
    const first = scenario(1, [site('02345')], figures(1, 600, 10));
    const second = { ...scenario(2, [site('02345')], figures(1, 600, 10)) };
    expect(compareScenarios(first, second).rows.find((row) => row.figure === 'objective')!.difference).toBe(-1);
    second.summary = { ...second.summary!, model: 'mclp' };
    expect(compareScenarios(first, second).rows.find((row) => row.figure === 'objective')).toMatchObject({ first: 4999, second: 4998, difference: null });
  });

  it('compares objectives of the same demand weight only (resident-km and household-km do not subtract)', () => {
    const first = scenario(1, [site('02345')], figures(1, 600, 10));
    const second = scenario(2, [site('02345')], figures(1, 600, 10));
    second.summary = { ...second.summary!, weight: { kind: 'need-signals', signal: 'households' } };
    expect(compareScenarios(first, second).rows.find((row) => row.figure === 'objective')).toMatchObject({ first: 4999, second: 4998, difference: null });
  });

  it('leaves differences empty where a figure is missing', () => {
    const first = scenario(1, [site('02345')], figures(1, 600, null));
    const second = scenario(2, [site('02345')], figures(1, 600, 10));
    expect(compareScenarios(first, second).rows.find((row) => row.figure === 'meanDistance')!.difference).toBeNull();
  });
});
