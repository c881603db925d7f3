import type { LocationModel } from './plan-request.ts';

/** How a plan was found: exact formulations (with a heuristic start) or heuristics alone. */
const SOLVER_METHOD_TEXT = {
  'capacitated-pmedian-classic': 'capacitated p-median (classic formulation)',
  'capacitated-mclp-classic': 'capacitated MCLP (classic formulation)',
  'pmedian-radius-vns-start': 'radius formulation, fast-interchange VNS start',
  'mclp-milp': 'MCLP',
  'lscp-milp': 'LSCP',
  'pcenter-bisection-milp': 'bisection over set-covering MILPs',
  'vns': 'fast-interchange VNS',
  'vns-coverage': 'fast-interchange VNS on the coverage matrix',
  'greedy-cover-vns': 'greedy cover + fast-interchange VNS',
  'bisection-vns': 'bisection + fast-interchange VNS on coverage',
} as const;
export type SolverMethod = keyof typeof SOLVER_METHOD_TEXT;

/** The fields a result names its solver with: English text, the method's code, the library. */
export function solverFields(solverMethod: SolverMethod, solverLibrary: string | null = null): Pick<PlanResult, 'solver' | 'solverMethod' | 'solverLibrary'> {
  const text = SOLVER_METHOD_TEXT[solverMethod];
  return { solver: solverLibrary ? `${solverLibrary}, ${text}` : text, solverMethod, solverLibrary };
}

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
  /** Which algorithm produced the plan, in English: the library, then `SOLVER_METHOD_TEXT[solverMethod]`. */
  solver: string;
  /** The same as a stable code, for clients that word it in their own language. */
  solverMethod: SolverMethod;
  /** The MILP library and its version ("highs 1.15.1"), null for a heuristic answer. */
  solverLibrary: string | null;
  /** Each served demand point's site(s): split only under capacities. Unserved points (MCLP) are absent. */
  allocations: Allocation[];
  /** Solver work done, for reports (iterations, MILP rounds, node counts). */
  work: Record<string, number>;
}
