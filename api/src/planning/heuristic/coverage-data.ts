import type { MedianData } from './median-data.ts';

/**
 * Covering models as p-medians: with distance 0 within `radius` and 1 beyond,
 * the weighted p-median cost is the uncovered demand, so the same fast
 * interchange and search maximise coverage (Hillsman's 1984 transformation).
 * The candidate order of the real distances stays valid (covering candidates
 * come first), so it is shared instead of sorted again.
 */
export function coverageMedianData(base: MedianData, radius: number, weights: Float64Array = base.weights): MedianData {
  const covered = (distance: number): number => (distance <= radius ? 0 : 1);
  return {
    demandCount: base.demandCount,
    candidateCount: base.candidateCount,
    weights,
    distances: base.distances.map(covered),
    byCandidate: base.byCandidate.map(covered),
    candidateOrder: {
      demandCount: base.demandCount,
      candidateCount: base.candidateCount,
      order: base.candidateOrder.order,
      sortedDistance: base.candidateOrder.sortedDistance.map(covered),
    },
  };
}

/** Weight 1 for every demand point with demand: centre and set-covering models count points, not people. */
export function unitWeights(weights: Float64Array): Float64Array {
  return weights.map((weight) => (weight > 0 ? 1 : 0));
}
