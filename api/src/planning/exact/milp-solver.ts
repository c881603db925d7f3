import type { MilpModel } from './milp-model.ts';

export interface MilpSolveOptions {
  /** Stop after this many seconds and report the proven bound. */
  timeLimitSeconds?: number | undefined;
  /** Relative gap at which the solver may stop; default 1e-9 (prove optimality). */
  relativeGap?: number | undefined;
  /** A feasible assignment of every column (MIP start / incumbent). */
  start?: Float64Array | undefined;
  seed?: number | undefined;
}

export type MilpStatus = 'optimal' | 'limit' | 'infeasible' | 'unbounded';

export interface MilpSolution {
  status: MilpStatus;
  /** Column values of the best solution found, null when none was found. */
  values: Float64Array | null;
  /** Objective of `values` (offset included), null when none was found. */
  objective: number | null;
  /** Proven bound on the optimum (lower when minimising), null when the solver does not report one. */
  bound: number | null;
  /** Branch-and-bound nodes, as reported. */
  nodes: number;
  /** Simplex iterations, as reported: a measure of work that, unlike seconds, does not depend on the machine's load. */
  lpIterations: number;
  /** The solver's own run time in seconds. */
  seconds: number;
}

/**
 * The seam between formulations and MILP libraries. Implementations: HiGHS
 * (the production solver) and glpk.js (kept for the measured comparison);
 * both run the shared contract test in milp-solver.test.ts.
 */
export interface MilpSolver {
  readonly name: string;
  solve(model: MilpModel, options?: MilpSolveOptions): MilpSolution;
}

export const DEFAULT_RELATIVE_GAP = 1e-9;
