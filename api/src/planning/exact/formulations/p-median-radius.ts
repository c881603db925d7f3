import type { MedianData } from '../../heuristic/median-data.ts';
import { MilpBuilder, type MilpModel } from '../milp-model.ts';

/**
 * Each demand point's sorted distinct distances to the candidates, cut at the
 * farthest distance an optimal plan can make it travel: its nearest fixed site,
 * and its (m − p + 1)-th nearest candidate (p sites open, so at most m − p of
 * its nearer candidates can be closed).
 */
export interface DistanceLevels {
  /** Levels of demand i are `values[starts[i]] < … < values[starts[i + 1] − 1]`. */
  readonly starts: Int32Array;
  readonly values: Float64Array;
}

export function buildDistanceLevels(data: MedianData, p: number, fixedOpen: readonly number[]): DistanceLevels {
  const n = data.demandCount;
  const m = data.candidateCount;
  const { sortedDistance } = data.candidateOrder;
  const starts = new Int32Array(n + 1);
  const values: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const row = i * m;
    let cap = sortedDistance[row + m - p]!;
    for (const site of fixedOpen) cap = Math.min(cap, data.distances[row + site]!);
    let last = -1;
    for (let k = 0; k < m; k += 1) {
      const distance = sortedDistance[row + k]!;
      if (distance > cap) break;
      if (distance !== last) {
        values.push(distance);
        last = distance;
      }
    }
    starts[i + 1] = values.length;
  }
  return { starts, values: Float64Array.from(values) };
}

export interface RadiusModel {
  model: MilpModel;
  /** Column of candidate j's open variable: columns 0..m−1. */
  readonly candidateCount: number;
  /** First z column of demand i; its z columns run to zStart[i + 1]. */
  readonly zStart: Int32Array;
  /** How many of demand i's levels are modelled (the rest are folded into the last). */
  readonly truncation: Int32Array;
}

/**
 * The p-median in the sorted-distance ("radius") formulation of Cornuéjols,
 * Nemhauser & Wolsey (1980) in Elloumi's (2010) chained form, as used by
 * García, Labbé & Marín (2011): z(i,k) = 1 when demand i has no open site within
 * its k-th distance level, and
 *
 *   cost = Σ w(i)·[D(i,1) + Σ_k (D(i,k+1) − D(i,k))·z(i,k)]
 *   z(i,1) + Σ_{d(i,j) = D(i,1)} y(j) ≥ 1,   z(i,k) − z(i,k−1) + Σ_{d(i,j) = D(i,k)} y(j) ≥ 0.
 *
 * Each candidate appears once per demand point (as in the classic x(i,j) model),
 * but only up to the demand point's `truncation` level: beyond it the last z
 * stands for "farther than this", priced at the next level only. A truncated
 * model is therefore a relaxation; if its optimal plan sends nobody beyond a
 * truncation, it is optimal for the full problem (see solve-p-median-exact.ts).
 */
export function buildRadiusModel(
  data: MedianData,
  levels: DistanceLevels,
  truncation: Int32Array,
  p: number,
  fixedOpen: readonly number[],
): RadiusModel {
  const n = data.demandCount;
  const m = data.candidateCount;
  const { order, sortedDistance } = data.candidateOrder;
  const builder = new MilpBuilder('minimize');
  const fixed = new Set(fixedOpen);
  for (let j = 0; j < m; j += 1) builder.addColumn(`y${j}`, 0, fixed.has(j) ? 1 : 0, 1, true);
  builder.addRow('open', Array.from({ length: m }, (_, j) => j), new Array<number>(m).fill(1), p, p);

  const zStart = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i += 1) {
    zStart[i] = builder.columnTotal;
    const weight = data.weights[i]!;
    const first = levels.starts[i]!;
    const levelCount = levels.starts[i + 1]! - first;
    if (weight === 0 || levelCount === 0) continue;
    builder.addOffset(weight * levels.values[first]!);
    // One level only: every p-set (and every fixed plan) already serves i at D(i,1).
    if (levelCount === 1) continue;
    const modelled = truncation[i]!;
    const row = i * m;
    let position = 0;
    let previousZ = -1;
    for (let k = 0; k < modelled; k += 1) {
      const level = levels.values[first + k]!;
      const next = k + 1 < levelCount ? levels.values[first + k + 1]! : null;
      const z = next === null ? -1 : builder.addColumn(`z${i}_${k}`, weight * (next - level), 0, 1);
      indices.length = 0;
      values.length = 0;
      if (z >= 0) {
        indices.push(z);
        values.push(1);
      }
      if (previousZ >= 0) {
        indices.push(previousZ);
        values.push(-1);
      }
      while (position < m && sortedDistance[row + position]! === level) {
        indices.push(order[row + position]!);
        values.push(1);
        position += 1;
      }
      builder.addRow(`c${i}_${k}`, indices, values, k === 0 ? 1 : 0, Infinity);
      previousZ = z;
    }
  }
  zStart[n] = builder.columnTotal;
  return { model: builder.build(), candidateCount: m, zStart, truncation };
}

/** Column values of the plan `sites` in a radius model (a MIP start). */
export function radiusModelStart(data: MedianData, levels: DistanceLevels, radius: RadiusModel, sites: readonly number[]): Float64Array {
  const m = data.candidateCount;
  const start = new Float64Array(radius.model.columnCost.length);
  for (const site of sites) start[site] = 1;
  for (let i = 0; i < data.demandCount; i += 1) {
    let nearest = Infinity;
    for (const site of sites) nearest = Math.min(nearest, data.distances[i * m + site]!);
    const first = levels.starts[i]!;
    for (let column = radius.zStart[i]!; column < radius.zStart[i + 1]!; column += 1) {
      start[column] = nearest > levels.values[first + column - radius.zStart[i]!]! ? 1 : 0;
    }
  }
  return start;
}
