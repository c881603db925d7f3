import { performance } from 'node:perf_hooks';
import { loadHighsSolver } from './exact/highs-solver.ts';
import { createLocationInstance, type LocationInstanceInput } from './location-instance.ts';
import type { PlanRequest } from './plan-request.ts';
import type { PlanResult } from './plan-result.ts';
import { solvePlan, type SolveMethod, type SolveProgress } from './solve-plan.ts';

export interface SolvePlanTaskInput {
  instance: LocationInstanceInput;
  request: PlanRequest;
  method: SolveMethod;
  timeLimitSeconds?: number | undefined;
  seed?: number | undefined;
}

export interface SolvePlanTaskOutput {
  result: PlanResult;
  seconds: number;
}

/**
 * A plan solved in a worker thread (`runInWorker(url, 'solvePlanTask', ...)`), so
 * the HTTP server stays responsive through a long solve. Like the CLI, this is an
 * entry point: it owns the clock and loads HiGHS in its own thread.
 */
export async function solvePlanTask(input: SolvePlanTaskInput, report: (progress: SolveProgress) => void): Promise<SolvePlanTaskOutput> {
  const instance = createLocationInstance(input.instance);
  const solver = input.method === 'heuristic' ? undefined : await loadHighsSolver();
  const started = performance.now();
  const result = solvePlan(instance, input.request, {
    method: input.method,
    seed: input.seed,
    timeLimitSeconds: input.timeLimitSeconds,
    clock: () => performance.now(),
    solver,
    onProgress: report,
  });
  return { result, seconds: (performance.now() - started) / 1000 };
}
