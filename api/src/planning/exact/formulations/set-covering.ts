import type { LocationInstance } from '../../location-instance.ts';
import { servedDemand } from '../../models/coverage.ts';
import { MilpBuilder, type MilpModel } from '../milp-model.ts';

/**
 * Location set covering (Toregas et al. 1971): the fewest open sites (fixed
 * ones included) such that every demand point with demand has one within the
 * reach. y(j) is column j. The caller has checked that everyone is coverable.
 */
export function buildSetCoveringModel(instance: LocationInstance, radius: number): MilpModel {
  const m = instance.candidateIds.length;
  const builder = new MilpBuilder('minimize');
  const fixed = new Set(instance.fixedOpen);
  for (let j = 0; j < m; j += 1) builder.addColumn(`y${j}`, 1, fixed.has(j) ? 1 : 0, 1, true);
  for (const i of servedDemand(instance)) {
    const within: number[] = [];
    for (let j = 0; j < m; j += 1) if (instance.distances[i * m + j]! <= radius) within.push(j);
    // A point already covered by a fixed site needs no row.
    if (within.some((j) => fixed.has(j))) continue;
    builder.addRow(`cover${i}`, within, within.map(() => 1), 1, Infinity);
  }
  return builder.build();
}
