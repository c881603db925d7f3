import { PlanningError } from '../planning-error.ts';
import type { MilpSolution } from './milp-solver.ts';

/** What every exact solve reports, whatever the model. */
export interface ExactOutcome {
  sites: number[];
  objective: number;
  /** Proven bound: lower when minimising, upper when maximising. */
  bound: number;
  gap: number;
  optimal: boolean;
  nodes: number;
  lpIterations: number;
}

/** Candidates whose open variable (columns 0..m−1) is set. */
export function openSitesOf(values: Float64Array, candidateCount: number): number[] {
  const sites: number[] = [];
  for (let j = 0; j < candidateCount; j += 1) if (values[j]! > 0.5) sites.push(j);
  return sites;
}

/** |objective − bound| / |objective|, 0 when both are 0. */
export function relativeGap(objective: number, bound: number): number {
  const difference = Math.abs(objective - bound);
  if (difference <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
  return objective === 0 ? Infinity : difference / Math.abs(objective);
}

/** The solver's verdict on a model the checks said was feasible: no solution is an error, not an empty plan. */
export function requireSolution(solution: MilpSolution, what: string): asserts solution is MilpSolution & { values: Float64Array; objective: number } {
  if (solution.status === 'infeasible') throw new PlanningError('INFEASIBLE', `The solver proved the ${what} infeasible.`, { reason: 'proven-infeasible' });
  if (solution.status === 'unbounded') throw new PlanningError('SOLVER_FAILED', `The solver reported the ${what} unbounded.`, { reason: 'unbounded' });
  if (!solution.values || solution.objective === null) {
    throw new PlanningError('SOLVER_FAILED', `The solver found no ${what} plan within its time limit; allow more time.`, { reason: 'no-solution-in-time' });
  }
}
