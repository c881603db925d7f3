/**
 * Stopping criteria, asked once per iteration with the best cost so far. Iteration budgets make a
 * run repeatable; a deadline needs a clock, which the caller passes in (the solver never reads the
 * system clock itself).
 */
export interface StoppingCriterion {
  shouldStop(bestCost: number): boolean;
}

/** Milliseconds from an arbitrary origin, e.g. `() => performance.now()`. */
export type Clock = () => number;

export function maxIterations(limit: number): StoppingCriterion {
  let done = 0;
  return {
    shouldStop() {
      done += 1;
      return done > limit;
    },
  };
}

/** Stops once `seconds` have passed on `clock` since the criterion was created. */
export function maxRuntime(seconds: number, clock: Clock): StoppingCriterion {
  const deadline = clock() + seconds * 1000;
  return {
    shouldStop() {
      return clock() >= deadline;
    },
  };
}

/** Stops after `limit` consecutive iterations without a better best cost. */
export function noImprovement(limit: number): StoppingCriterion {
  let best = Number.POSITIVE_INFINITY;
  let since = 0;
  return {
    shouldStop(bestCost) {
      if (bestCost < best) {
        best = bestCost;
        since = 0;
      } else {
        since += 1;
      }
      return since >= limit;
    },
  };
}

/** Stops as soon as any of `criteria` says so; every criterion is asked each time, so each keeps its own count. */
export function firstOf(...criteria: StoppingCriterion[]): StoppingCriterion {
  return {
    shouldStop(bestCost) {
      let stop = false;
      for (const criterion of criteria) if (criterion.shouldStop(bestCost)) stop = true;
      return stop;
    },
  };
}
