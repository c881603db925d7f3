/** Where a search stands, for its stopping rule to judge. */
export interface SearchProgress {
  iteration: number;
  iterationsSinceImprovement: number;
}

/** When a search stops: an iteration budget, a deadline on an injected clock, or both. */
export interface StoppingRule {
  shouldStop(progress: SearchProgress): boolean;
}

export function maxIterations(limit: number): StoppingRule {
  return { shouldStop: (progress) => progress.iteration >= limit };
}

export function maxIterationsWithoutImprovement(limit: number): StoppingRule {
  return { shouldStop: (progress) => progress.iterationsSinceImprovement >= limit };
}

/**
 * Stops once `seconds` have passed on `clock` (milliseconds). The clock is a
 * parameter so algorithms never read the wall clock themselves, and tests can
 * pass a counter.
 */
export function timeLimit(seconds: number, clock: () => number): StoppingRule {
  const end = clock() + seconds * 1000;
  return { shouldStop: () => clock() >= end };
}

export function firstOf(...rules: StoppingRule[]): StoppingRule {
  return { shouldStop: (progress) => rules.some((rule) => rule.shouldStop(progress)) };
}

export const NEVER_STOP: StoppingRule = { shouldStop: () => false };
