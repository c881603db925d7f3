import type { LocationInstance } from '../../location-instance.ts';
import { servedDemand } from '../../models/coverage.ts';
import { MilpBuilder, type MilpModel } from '../milp-model.ts';

/**
 * The classic p-center MILP as spopt builds it (minimise W with
 * Σ_j d(i,j)·x(i,j) ≤ W, Σ_j x(i,j) = 1, x(i,j) ≤ y(j), Σ y = p). Kept for the
 * CBC comparison only: it is the formulation CBC is timed on, while Terep
 * solves p-center by bisection over set-covering MILPs.
 */
export function buildClassicCenterModel(instance: LocationInstance, p: number): MilpModel {
  const m = instance.candidateIds.length;
  const builder = new MilpBuilder('minimize');
  const fixed = new Set(instance.fixedOpen);
  for (let j = 0; j < m; j += 1) builder.addColumn(`y${j}`, 0, fixed.has(j) ? 1 : 0, 1, true);
  const radius = builder.addColumn('W', 1, 0, Infinity);
  builder.addRow('open', Array.from({ length: m }, (_, j) => j), new Array<number>(m).fill(1), p, p);
  for (const i of servedDemand(instance)) {
    const columns = Array.from({ length: m }, (_, j) => builder.addColumn(`x${i}_${j}`, 0, 0, 1));
    builder.addRow(`assign${i}`, columns, columns.map(() => 1), 1, 1);
    columns.forEach((column, j) => builder.addRow(`link${i}_${j}`, [column, j], [1, -1], -Infinity, 0));
    builder.addRow(`reach${i}`, [...columns, radius], [...columns.map((_, j) => instance.distances[i * m + j]!), -1], -Infinity, 0);
  }
  return builder.build();
}
