import type { LocationInstance } from '../../location-instance.ts';
import { MilpBuilder, type MilpModel } from '../milp-model.ts';

export interface CoveringModel {
  model: MilpModel;
  /** y(j) is column j. */
  readonly candidateCount: number;
  /** Capacitated: the (demand, site, column) of every assignment variable. */
  readonly assignments: { demand: number; site: number; column: number }[];
}

export interface MaximalCoveringOptions {
  p: number;
  radius: number;
  capacitated?: boolean | undefined;
  fillFixed?: boolean | undefined;
}

/**
 * Maximal covering (Church & ReVelle 1974): maximise the weight of demand with
 * an open site within the reach, Σ y = p. Uncapacitated: z(i) ≤ Σ_{j covers i}
 * y(j). Capacitated (Pirkul & Schilling 1991, with splittable demand): x(i,j)
 * is the share of i served by a covering j, Σ_j x(i,j) ≤ 1, x(i,j) ≤ y(j), and
 * Σ_i w(i)·x(i,j) ≤ cap(j)·y(j); covered weight is then what sites can serve.
 */
export function buildMaximalCoveringModel(instance: LocationInstance, options: MaximalCoveringOptions): CoveringModel {
  const n = instance.demandIds.length;
  const m = instance.candidateIds.length;
  const { weights, distances } = instance;
  const builder = new MilpBuilder('maximize');
  const fixed = new Set(instance.fixedOpen);
  for (let j = 0; j < m; j += 1) builder.addColumn(`y${j}`, 0, fixed.has(j) ? 1 : 0, 1, true);
  builder.addRow('open', Array.from({ length: m }, (_, j) => j), new Array<number>(m).fill(1), options.p, options.p);
  const assignments: CoveringModel['assignments'] = [];
  const covers = (i: number): number[] => {
    const within: number[] = [];
    for (let j = 0; j < m; j += 1) if (distances[i * m + j]! <= options.radius) within.push(j);
    return within;
  };

  if (!options.capacitated) {
    for (let i = 0; i < n; i += 1) {
      const within = covers(i);
      if (weights[i] === 0 || within.length === 0) continue;
      const z = builder.addColumn(`z${i}`, weights[i]!, 0, 1);
      builder.addRow(`cover${i}`, [z, ...within], [1, ...within.map(() => -1)], -Infinity, 0);
    }
    return { model: builder.build(), candidateCount: m, assignments };
  }

  const capacities = instance.capacities;
  if (!capacities) throw new RangeError('A capacitated model needs capacities.');
  const served = Array.from({ length: m }, () => ({ indices: [] as number[], values: [] as number[] }));
  for (let i = 0; i < n; i += 1) {
    const within = covers(i);
    if (weights[i] === 0 || within.length === 0) continue;
    const columns = within.map((j) => {
      const column = builder.addColumn(`x${i}_${j}`, weights[i]!, 0, 1);
      assignments.push({ demand: i, site: j, column });
      builder.addRow(`link${i}_${j}`, [column, j], [1, -1], -Infinity, 0);
      served[j]!.indices.push(column);
      served[j]!.values.push(weights[i]!);
      return column;
    });
    builder.addRow(`share${i}`, columns, columns.map(() => 1), -Infinity, 1);
  }
  for (let j = 0; j < m; j += 1) {
    const { indices, values } = served[j]!;
    builder.addRow(`capacity${j}`, [...indices, j], [...values, -capacities[j]!], -Infinity, 0);
    if (options.fillFixed && fixed.has(j)) builder.addRow(`fill${j}`, indices, values, capacities[j]!, Infinity);
  }
  return { model: builder.build(), candidateCount: m, assignments };
}
