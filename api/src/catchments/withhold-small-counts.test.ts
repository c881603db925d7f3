import type { CatchmentDifference } from '@terep/db';
import { describe, expect, it } from 'vitest';
import type { ExactCatchments } from './compute-catchments.ts';
import { withholdSmallCounts } from './withhold-small-counts.ts';

const site = (name: string, load: number, capacity: number | null = null) => ({
  site: { id: null, name, lon: 18, lat: 47, capacity, countyCode: null },
  settlements: 1, population: 100, households: null, load, loadBelowThreshold: false,
  utilisation: capacity === null ? null : load / capacity, meanDistanceKm: 2, geometry: null,
});

const result = (loads: number[], unserved: number, demand: ExactCatchments['demand'] = 'households'): ExactCatchments => ({
  mode: 'nearest', demand, capacityUnit: 'households', maxDistanceKm: null,
  distanceMethod: { kind: 'straight-line-estimate', detourFactor: 1.3 },
  sites: loads.map((load, index) => site(`R${index}`, load, 10)),
  assignment: {}, unserved: { settlements: unserved > 0 ? 1 : 0, demand: unserved, demandBelowThreshold: false, codes: [] },
  splits: [], objective: loads.reduce((sum, load) => sum + 2 * load, 0),
});

describe('withholdSmallCounts', () => {
  it('withholds loads below 5 with every figure they could be worked back from', () => {
    const { result: shown } = withholdSmallCounts({ result: result([3, 8], 2) });
    expect(shown.sites.map((entry) => [entry.load, entry.loadBelowThreshold, entry.utilisation])).toEqual([[null, true, null], [8, false, 0.8]]);
    expect(shown.unserved).toMatchObject({ demand: null, demandBelowThreshold: true });
    expect(shown.objective).toBeNull();
  });

  it('keeps residents exact', () => {
    const exact = { result: result([3, 8], 2, 'population') };
    expect(withholdSmallCounts(exact)).toBe(exact);
  });

  it('withholds the differences a small load of either side would follow from', () => {
    const baseline = result([6, 7], 0);
    const scenario = result([3, 10], 0);
    const difference: CatchmentDifference = {
      moved: [], objectiveChange: 0, meanDistanceChangeKm: 0, unservedChange: 0,
      sites: [{ name: 'R0', baselineLoad: 6, scenarioLoad: 3, baselineSettlements: 1, scenarioSettlements: 1 }, { name: 'R1', baselineLoad: 7, scenarioLoad: 10, baselineSettlements: 1, scenarioSettlements: 1 }],
    };
    const shown = withholdSmallCounts({ result: scenario, baseline, difference }).difference!;
    expect(shown.sites.map((entry) => [entry.baselineLoad, entry.scenarioLoad])).toEqual([[6, null], [7, 10]]);
    expect(shown).toMatchObject({ objectiveChange: null, meanDistanceChangeKm: null });
  });
});
