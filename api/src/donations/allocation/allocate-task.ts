import { performance } from 'node:perf_hooks';
import { loadHighsSolver } from '../../planning/exact/highs-solver.ts';
import { allocate, type AllocationOutcome, type AllocationProblem } from './allocate.ts';

export interface AllocateTaskInput {
  problem: AllocationProblem;
}

export interface AllocateTaskOutput {
  outcome: AllocationOutcome;
  /** Solving alone, HiGHS's loading left out. */
  seconds: number;
}

/**
 * An allocation solved in a worker thread (`runInWorker(url, 'allocateTask', ...)`): a national
 * one takes about a second of solving, which would otherwise hold the HTTP server's event loop.
 * Like the plan task, an entry point: it owns the clock and loads HiGHS in its own thread.
 */
export async function allocateTask(input: AllocateTaskInput): Promise<AllocateTaskOutput> {
  const solver = await loadHighsSolver();
  const started = performance.now();
  const outcome = allocate(input.problem, solver);
  return { outcome, seconds: (performance.now() - started) / 1000 };
}
