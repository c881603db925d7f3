import { createRandom } from './heuristic/random.ts';
import { createLocationInstance, type LocationInstance } from './location-instance.ts';

export interface RandomInstanceOptions {
  demand: number;
  candidates: number;
  /** Whole-number weights 1..maxWeight; default 1 (unweighted). */
  maxWeight?: number;
  fixedOpen?: number[];
  /** Whole-number capacities 1..maxCapacity for every candidate. */
  maxCapacity?: number;
}

/**
 * A seeded random instance: points in a 100 × 100 square, Euclidean distances
 * rounded to whole numbers (so ties occur, as on real data). For tests and
 * experiments; every call with the same seed gives the same instance.
 */
export function randomInstance(seed: number, options: RandomInstanceOptions): LocationInstance {
  const random = createRandom(seed);
  const point = (): [number, number] => [random.next() * 100, random.next() * 100];
  const demandPoints = Array.from({ length: options.demand }, point);
  const candidatePoints = Array.from({ length: options.candidates }, point);
  const m = options.candidates;
  const distances = new Float64Array(options.demand * m);
  demandPoints.forEach(([x, y], i) => {
    candidatePoints.forEach(([u, v], j) => {
      distances[i * m + j] = Math.round(Math.hypot(x - u, y - v));
    });
  });
  const maxWeight = options.maxWeight ?? 1;
  return createLocationInstance({
    demandIds: demandPoints.map((_, i) => `d${i}`),
    candidateIds: candidatePoints.map((_, j) => `c${j}`),
    weights: Float64Array.from(demandPoints, () => 1 + random.int(maxWeight)),
    distances,
    fixedOpen: options.fixedOpen,
    capacities: options.maxCapacity === undefined ? undefined : Float64Array.from(candidatePoints, () => 1 + random.int(options.maxCapacity!)),
  });
}
