import type { LocationInstance } from '../../location-instance.ts';
import { MilpBuilder, type MilpModel } from '../milp-model.ts';

export interface ClassicMedianModel {
  model: MilpModel;
  /** Column of x(i, j) is `assignStart[i] + j`; y(j) is column j. */
  assignStart: Int32Array;
}

export interface ClassicMedianOptions {
  p: number;
  /** Capacity rows Σ w(i)·x(i,j) ≤ cap(j)·y(j) (the instance must carry capacities). */
  capacitated?: boolean | undefined;
  /** Fixed sites must be filled to capacity: Σ w(i)·x(i,j) ≥ cap(j). */
  fillFixed?: boolean | undefined;
}

/**
 * The classic p-median of ReVelle & Swain (1970), as spopt builds it: x(i,j)
 * is the share of demand i served by j, with x(i,j) ≤ y(j), Σ_j x(i,j) = 1 and
 * Σ y = p. n·m assignment columns make it the slow formulation for the
 * uncapacitated case (kept for the CBC comparison); with capacity rows it is
 * the capacitated p-median. Assignments are continuous (demand may split
 * between sites when capacities bind).
 */
export function buildClassicMedianModel(instance: LocationInstance, options: ClassicMedianOptions): ClassicMedianModel {
  const n = instance.demandIds.length;
  const m = instance.candidateIds.length;
  const { weights, distances, capacities } = instance;
  const builder = new MilpBuilder('minimize');
  const fixed = new Set(instance.fixedOpen);
  for (let j = 0; j < m; j += 1) builder.addColumn(`y${j}`, 0, fixed.has(j) ? 1 : 0, 1, true);
  const assignStart = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    assignStart[i] = builder.columnTotal;
    for (let j = 0; j < m; j += 1) builder.addColumn(`x${i}_${j}`, weights[i]! * distances[i * m + j]!, 0, 1);
  }
  builder.addRow('open', range(m), new Array<number>(m).fill(1), options.p, options.p);
  for (let i = 0; i < n; i += 1) {
    builder.addRow(`assign${i}`, range(m, assignStart[i]!), new Array<number>(m).fill(1), 1, 1);
  }
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < m; j += 1) builder.addRow(`link${i}_${j}`, [assignStart[i]! + j, j], [1, -1], -Infinity, 0);
  }
  if (options.capacitated) {
    if (!capacities) throw new RangeError('A capacitated model needs capacities.');
    for (let j = 0; j < m; j += 1) {
      const indices = [j];
      const values = [-capacities[j]!];
      for (let i = 0; i < n; i += 1) {
        if (weights[i] === 0) continue;
        indices.push(assignStart[i]! + j);
        values.push(weights[i]!);
      }
      builder.addRow(`capacity${j}`, indices, values, -Infinity, 0);
      if (options.fillFixed && fixed.has(j)) builder.addRow(`fill${j}`, indices.slice(1), values.slice(1), capacities[j]!, Infinity);
    }
  }
  return { model: builder.build(), assignStart };
}

function range(count: number, from = 0): number[] {
  return Array.from({ length: count }, (_, index) => from + index);
}
