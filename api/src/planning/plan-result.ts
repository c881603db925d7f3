import type { LocationModel } from './plan-request.ts';

/** Where the answer came from and how far it is proven. */
export type PlanStatus =
  /** The exact solver proved the plan optimal (gap 0 within tolerance). */
  | 'optimal'
  /** The exact solver stopped at its limit; `gap` is proven. */
  | 'limit'
  /** A heuristic answer: no optimality proof, `gap` is null. */
  | 'heuristic';

/** Demand point `demand` sends `share` (0..1] of its weight to candidate `site`. */
export interface Allocation {
  demand: number;
  site: number;
  share: number;
}

export interface PlanResult {
  model: LocationModel;
  /** Open candidate indices, ascending, fixed ones included. */
  sites: number[];
  /**
   * p-median: total weighted distance; MCLP: covered weight; LSCP: number of
   * sites; p-center: largest distance from a served demand point to its site.
   */
  objective: number;
  /** Best proven bound on the objective (lower for minimising models, upper for MCLP), when an exact solver ran. */
  bound: number | null;
  /** Proven relative gap |objective − bound| / |objective|, null for heuristic answers. */
  gap: number | null;
  status: PlanStatus;
  /** Which algorithm produced the plan, e.g. "highs-milp(radius)" or "fast-interchange-vns". */
  solver: string;
  /** Each served demand point's site(s): split only under capacities. Unserved points (MCLP) are absent. */
  allocations: Allocation[];
  /** Solver work done, for reports (iterations, MILP rounds, node counts). */
  work: Record<string, number>;
}
