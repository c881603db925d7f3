import { buildCandidateOrder, type CandidateOrder } from './candidate-order.ts';

/**
 * What the p-median heuristics need from an instance: weights, the distance
 * matrix, and its per-demand candidate order (built once, shared by every
 * search state). MCLP and p-center searches reuse it with a 0/1 "uncovered"
 * matrix in place of distances.
 */
export interface MedianData {
  readonly demandCount: number;
  readonly candidateCount: number;
  readonly weights: Float64Array;
  readonly distances: Float64Array;
  /** The same matrix candidate-major (`byCandidate[j * n + i]`): a site's column read in order, not at a stride of m. */
  readonly byCandidate: Float64Array;
  readonly candidateOrder: CandidateOrder;
}

export function buildMedianData(weights: Float64Array, distances: Float64Array, candidateCount: number): MedianData {
  const demandCount = weights.length;
  const byCandidate = new Float64Array(distances.length);
  for (let i = 0; i < demandCount; i += 1) {
    const row = i * candidateCount;
    for (let j = 0; j < candidateCount; j += 1) byCandidate[j * demandCount + i] = distances[row + j]!;
  }
  return {
    demandCount,
    candidateCount,
    weights,
    distances,
    byCandidate,
    candidateOrder: buildCandidateOrder(distances, demandCount, candidateCount),
  };
}

/** Total weighted distance from each demand point to its nearest open site. */
export function medianCost(data: MedianData, sites: readonly number[]): number {
  const m = data.candidateCount;
  let total = 0;
  for (let i = 0; i < data.demandCount; i += 1) {
    const weight = data.weights[i]!;
    if (weight === 0) continue;
    let nearest = Infinity;
    for (const site of sites) nearest = Math.min(nearest, data.distances[i * m + site]!);
    total += weight * nearest;
  }
  return total;
}
