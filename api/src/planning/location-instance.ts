import { PlanningError } from './planning-error.ts';

/**
 * A location problem as every planning algorithm sees it: demand points and
 * candidate sites by index (with their ids for results and messages), demand
 * weights, and one distance matrix. Readers and the API build it; algorithms
 * never see files, SQL or HTTP.
 */
export interface LocationInstance {
  readonly demandIds: readonly string[];
  readonly candidateIds: readonly string[];
  /** Demand weight per demand point (population, a need index, ...). */
  readonly weights: Float64Array;
  /** Row-major demand × candidate: `distances[i * candidateCount + j]`. */
  readonly distances: Float64Array;
  /** Candidate indices open already (existing institutions): every plan keeps them. */
  readonly fixedOpen: readonly number[];
  /** Service capacity per candidate in the units of the weights, when known. */
  readonly capacities?: Float64Array | undefined;
}

export interface LocationInstanceInput {
  demandIds: readonly string[];
  candidateIds: readonly string[];
  weights: Float64Array;
  distances: Float64Array;
  fixedOpen?: readonly number[] | undefined;
  capacities?: Float64Array | undefined;
}

export function demandCount(instance: LocationInstance): number {
  return instance.demandIds.length;
}

export function candidateCount(instance: LocationInstance): number {
  return instance.candidateIds.length;
}

/** Checks shapes and values once, so the algorithms can trust their input. */
export function createLocationInstance(input: LocationInstanceInput): LocationInstance {
  const n = input.demandIds.length;
  const m = input.candidateIds.length;
  const invalid = (message: string): never => {
    throw new PlanningError('INVALID_INSTANCE', message);
  };
  if (n === 0) invalid('There are no demand points.');
  if (m === 0) invalid('There are no candidate sites.');
  if (input.weights.length !== n) invalid(`${input.weights.length} weights for ${n} demand points.`);
  if (input.distances.length !== n * m) invalid(`The distance matrix has ${input.distances.length} entries, expected ${n} × ${m}.`);
  for (let i = 0; i < n; i += 1) {
    const weight = input.weights[i]!;
    if (!(weight >= 0) || !Number.isFinite(weight)) invalid(`Demand point ${input.demandIds[i]} has weight ${weight}; weights must be finite and non-negative.`);
  }
  for (let k = 0; k < input.distances.length; k += 1) {
    const distance = input.distances[k]!;
    if (!(distance >= 0) || !Number.isFinite(distance)) {
      const i = Math.floor(k / m);
      invalid(`Distance from ${input.demandIds[i]} to ${input.candidateIds[k - i * m]} is ${distance}; distances must be finite and non-negative.`);
    }
  }
  const fixedOpen = [...new Set(input.fixedOpen ?? [])].sort((a, b) => a - b);
  for (const site of fixedOpen) {
    if (!Number.isInteger(site) || site < 0 || site >= m) invalid(`Fixed site index ${site} is not a candidate (0..${m - 1}).`);
  }
  if (input.capacities) {
    if (input.capacities.length !== m) invalid(`${input.capacities.length} capacities for ${m} candidates.`);
    for (let j = 0; j < m; j += 1) {
      const capacity = input.capacities[j]!;
      if (!(capacity >= 0) || !Number.isFinite(capacity)) invalid(`Candidate ${input.candidateIds[j]} has capacity ${capacity}; capacities must be finite and non-negative.`);
    }
  }
  return {
    demandIds: input.demandIds,
    candidateIds: input.candidateIds,
    weights: input.weights,
    distances: input.distances,
    fixedOpen,
    capacities: input.capacities,
  };
}

/**
 * The same problem with only some candidates (a planner's short list), in the
 * given order; fixed sites must be among them. Returns the sub-instance and,
 * per new candidate index, the original one.
 */
export function selectCandidates(instance: LocationInstance, candidates: readonly number[]): { instance: LocationInstance; original: number[] } {
  const m = instance.candidateIds.length;
  const n = instance.demandIds.length;
  const original = [...new Set(candidates)];
  const position = new Map(original.map((site, index) => [site, index]));
  for (const site of original) {
    if (!Number.isInteger(site) || site < 0 || site >= m) throw new PlanningError('INVALID_INSTANCE', `Candidate index ${site} is not a candidate (0..${m - 1}).`);
  }
  const missingFixed = instance.fixedOpen.filter((site) => !position.has(site));
  if (missingFixed.length > 0) {
    throw new PlanningError('INVALID_INSTANCE', `Fixed sites must stay candidates: ${missingFixed.map((site) => instance.candidateIds[site]).join(', ')} left out.`);
  }
  const k = original.length;
  const distances = new Float64Array(n * k);
  for (let i = 0; i < n; i += 1) {
    for (let index = 0; index < k; index += 1) distances[i * k + index] = instance.distances[i * m + original[index]!]!;
  }
  return {
    instance: createLocationInstance({
      demandIds: instance.demandIds,
      candidateIds: original.map((site) => instance.candidateIds[site]!),
      weights: instance.weights,
      distances,
      fixedOpen: instance.fixedOpen.map((site) => position.get(site)!),
      capacities: instance.capacities ? Float64Array.from(original, (site) => instance.capacities![site]!) : undefined,
    }),
    original,
  };
}
