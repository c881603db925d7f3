import { createProblemData, type ProblemInput } from '../routing/model.ts';
import type { Solution } from '../routing/solution.ts';
import { solve } from '../routing/solve.ts';
import { firstOf, maxRuntime, noImprovement } from '../routing/stop.ts';

/**
 * The worker thread's side of a route plan (run through `runInWorker`): a pure function of a
 * structured-cloneable problem, so a long search never blocks the HTTP server.
 */
export interface SolveRoutesInput {
  problem: ProblemInput;
  timeLimitSeconds: number;
  seed: number;
}

export interface SolveRoutesOutput {
  solution: Solution;
  iterations: number;
  seconds: number;
}

/**
 * Iterations without a better plan after which the search ends before its time limit: delivery
 * days of a few dozen stops settle within a few hundred, and ending on an iteration count keeps
 * such plans repeatable for a seed.
 */
export const STALL_ITERATIONS = 5_000;

export function solveRoutes(input: SolveRoutesInput): SolveRoutesOutput {
  const data = createProblemData(input.problem);
  const clock = () => performance.now();
  const started = clock();
  const result = solve(data, firstOf(maxRuntime(input.timeLimitSeconds, clock), noImprovement(STALL_ITERATIONS)), input.seed);
  return { solution: result.solution, iterations: result.iterations, seconds: (clock() - started) / 1000 };
}
