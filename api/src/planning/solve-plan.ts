import { checkRequest } from './check-request.ts';
import { solveMaximalCoveringExact, solveSetCoveringExact } from './exact/solve-covering-exact.ts';
import { solveCapacitatedMedianExact } from './exact/solve-capacitated-median-exact.ts';
import { solvePCenterExact } from './exact/solve-p-center-exact.ts';
import { solvePMedianExact } from './exact/solve-p-median-exact.ts';
import type { MilpSolver } from './exact/milp-solver.ts';
import { coverageMedianData } from './heuristic/coverage-data.ts';
import { buildMedianData } from './heuristic/median-data.ts';
import { searchCenter } from './heuristic/p-center-search.ts';
import { createRandom } from './heuristic/random.ts';
import { searchSetCover } from './heuristic/set-cover-search.ts';
import { firstOf, maxIterationsWithoutImprovement, timeLimit, type StoppingRule } from './heuristic/stopping-rule.ts';
import { defaultMaxShake, defaultMedianBudget, searchMedian } from './heuristic/variable-neighbourhood-search.ts';
import type { LocationInstance } from './location-instance.ts';
import { coverage } from './models/coverage.ts';
import { largestDistance } from './models/p-center.ts';
import { nearestAllocation } from './models/p-median.ts';
import { isCapacitated, type PlanRequest } from './plan-request.ts';
import { solverFields, type PlanResult, type SolverMethod } from './plan-result.ts';
import { PlanningError } from './planning-error.ts';

export type SolveMethod = 'auto' | 'exact' | 'heuristic';

export interface SolvePlanOptions {
  /** `auto`: exact up to `EXACT_SIZE_LIMIT` demand × candidate pairs, the heuristic beyond. */
  method?: SolveMethod | undefined;
  seed?: number | undefined;
  /** Overall limit; the exact solver reports its proven gap when it stops here. */
  timeLimitSeconds?: number | undefined;
  /** Milliseconds, injected: algorithms never read the wall clock. */
  clock: () => number;
  /** Needed for exact runs (HiGHS in production). */
  solver?: MilpSolver | undefined;
  /** Heuristic iterations without improvement before stopping; default from the shake size. */
  iterations?: number | undefined;
  /** Told when a stage starts and what the best plan so far is worth (model units), for progress reports. */
  onProgress?: ((progress: SolveProgress) => void) | undefined;
}

export interface SolveProgress {
  stage: 'heuristic' | 'exact';
  /** Objective of the best plan so far, null before there is one. */
  objective: number | null;
}

/** Above this many demand × candidate pairs `auto` uses the heuristic (the country: 3,177 × 3,155 ≈ 10 million). */
export const EXACT_SIZE_LIMIT = 250_000;

/** Iterations without improvement for the heuristic start of an exact run: the MILP does the rest. */
const EXACT_START_ITERATIONS = 50;

/**
 * The planning entry point: checks the request, picks exact or heuristic, runs
 * it and reports the plan with its objective, bound and gap. Pure: the clock,
 * seed and solver come in as arguments.
 */
export function solvePlan(instance: LocationInstance, request: PlanRequest, options: SolvePlanOptions): PlanResult {
  checkRequest(instance, request);
  const n = instance.demandIds.length;
  const m = instance.candidateIds.length;
  const requested = options.method ?? 'auto';
  const exact = requested === 'exact' || (requested === 'auto' && n * m <= EXACT_SIZE_LIMIT && options.solver !== undefined);
  const started = options.clock();
  const remaining = (): number | undefined =>
    options.timeLimitSeconds === undefined ? undefined : Math.max(0, options.timeLimitSeconds - (options.clock() - started) / 1000);
  const solver = (): MilpSolver => {
    if (!options.solver) throw new PlanningError('UNSUPPORTED', 'An exact run needs a MILP solver.', { reason: 'no-milp-solver' });
    return options.solver;
  };
  const random = createRandom(options.seed ?? 1);
  const fixed = instance.fixedOpen;
  const report = (stage: SolveProgress['stage'], objective: number | null): void => options.onProgress?.({ stage, objective });

  if (isCapacitated(request) && (request.model === 'pmedian' || request.model === 'mclp')) {
    if (!exact) {
      throw new PlanningError(
        'UNSUPPORTED',
        requested === 'heuristic'
          ? 'Capacitated models have no heuristic yet: solve them exactly.'
          : `Capacitated models are solved exactly only, up to ${EXACT_SIZE_LIMIT.toLocaleString('en')} demand × candidate pairs; this instance has ${(n * m).toLocaleString('en')}.`,
        requested === 'heuristic' ? { reason: 'capacitated-heuristic' } : { reason: 'capacitated-too-large', limit: EXACT_SIZE_LIMIT, pairs: n * m },
      );
    }
    report('exact', null);
    const outcome =
      request.model === 'pmedian'
        ? solveCapacitatedMedianExact(instance, request, { solver: solver(), timeLimitSeconds: remaining() })
        : solveMaximalCoveringExact(instance, request, { solver: solver(), timeLimitSeconds: remaining() });
    return {
      model: request.model,
      sites: outcome.sites,
      objective: outcome.objective,
      bound: outcome.bound,
      gap: outcome.gap,
      status: outcome.optimal ? 'optimal' : 'limit',
      ...solverFields(request.model === 'pmedian' ? 'capacitated-pmedian-classic' : 'capacitated-mclp-classic', solver().name),
      allocations: outcome.allocations,
      work: { nodes: outcome.nodes, lpIterations: outcome.lpIterations },
    };
  }

  const base = buildMedianData(instance.weights, instance.distances, m);
  const stopAfter = (iterations: number): StoppingRule => {
    const limit = remaining();
    const rule = maxIterationsWithoutImprovement(iterations);
    return limit === undefined ? rule : firstOf(rule, timeLimit(limit, options.clock));
  };
  const budgetFor = (p: number): number => options.iterations ?? defaultMedianBudget(defaultMaxShake(p, fixed.length, m));

  switch (request.model) {
    case 'pmedian': {
      const budget = exact ? Math.min(EXACT_START_ITERATIONS, budgetFor(request.p)) : budgetFor(request.p);
      report('heuristic', null);
      const search = searchMedian(base, request.p, fixed, { random, stop: stopAfter(budget) });
      if (!exact) {
        const { objective, allocations } = nearestAllocation(instance, search.sites);
        return heuristicResult('pmedian', search.sites, objective, allocations, 'vns', {
          iterations: search.iterations,
          improvements: search.improvements,
        });
      }
      report('exact', nearestAllocation(instance, search.sites).objective);
      const outcome = solvePMedianExact(base, request.p, fixed, { solver: solver(), incumbent: search.sites, timeLimitSeconds: remaining(), clock: options.clock });
      const { objective, allocations } = nearestAllocation(instance, outcome.sites);
      return {
        model: 'pmedian',
        sites: outcome.sites,
        objective,
        bound: outcome.bound,
        gap: outcome.gap,
        status: outcome.optimal ? 'optimal' : 'limit',
        ...solverFields('pmedian-radius-vns-start', solver().name),
        allocations,
        work: { heuristicIterations: search.iterations, rounds: outcome.rounds, nodes: outcome.nodes, lpIterations: outcome.lpIterations, columns: outcome.columns, rows: outcome.rows },
      };
    }
    case 'mclp': {
      const covering = coverageMedianData(base, request.radius);
      const budget = exact ? Math.min(EXACT_START_ITERATIONS, budgetFor(request.p)) : budgetFor(request.p);
      report('heuristic', null);
      const search = searchMedian(covering, request.p, fixed, { random, stop: stopAfter(budget), targetObjective: 0 });
      if (!exact) {
        const { coveredWeight, allocations } = coverage(instance, search.sites, request.radius);
        return heuristicResult('mclp', search.sites, coveredWeight, allocations, 'vns-coverage', { iterations: search.iterations });
      }
      report('exact', coverage(instance, search.sites, request.radius).coveredWeight);
      const outcome = solveMaximalCoveringExact(instance, request, { solver: solver(), incumbent: search.sites, timeLimitSeconds: remaining() });
      return exactResult('mclp', outcome, outcome.allocations, solverFields('mclp-milp', solver().name), search.iterations);
    }
    case 'lscp': {
      // The site count changes as the search goes, so its budget cannot follow p; a flat one per count tried.
      report('heuristic', null);
      const sites = searchSetCover(base, request.radius, fixed, { random, budgetPerCount: exact ? EXACT_START_ITERATIONS : (options.iterations ?? 200) });
      const { allocations } = coverage(instance, sites, request.radius);
      if (!exact) return heuristicResult('lscp', sites, sites.length, allocations, 'greedy-cover-vns', {});
      report('exact', sites.length);
      const outcome = solveSetCoveringExact(instance, request.radius, { solver: solver(), incumbent: sites, timeLimitSeconds: remaining() });
      return exactResult('lscp', outcome, coverage(instance, outcome.sites, request.radius).allocations, solverFields('lscp-milp', solver().name), 0);
    }
    case 'pcenter': {
      const budget = exact ? EXACT_START_ITERATIONS : Math.ceil(budgetFor(request.p) / 2);
      report('heuristic', null);
      const search = searchCenter(base, request.p, fixed, { random, budgetPerRadius: budget });
      if (!exact) {
        return heuristicResult('pcenter', search.sites, largestDistance(instance, search.sites), nearestAllocation(instance, search.sites).allocations, 'bisection-vns', {
          radiiTried: search.radiiTried,
        });
      }
      report('exact', largestDistance(instance, search.sites));
      const outcome = solvePCenterExact(instance, request.p, { solver: solver(), incumbent: search.sites, timeLimitSeconds: remaining(), clock: options.clock });
      const result = exactResult('pcenter', outcome, nearestAllocation(instance, outcome.sites).allocations, solverFields('pcenter-bisection-milp', solver().name), 0);
      result.work.radiiTried = outcome.radiiTried;
      return result;
    }
  }
}

function heuristicResult(
  model: PlanRequest['model'],
  sites: number[],
  objective: number,
  allocations: PlanResult['allocations'],
  method: SolverMethod,
  work: Record<string, number>,
): PlanResult {
  return { model, sites: [...sites].sort((a, b) => a - b), objective, bound: null, gap: null, status: 'heuristic', ...solverFields(method), allocations, work };
}

function exactResult(
  model: PlanRequest['model'],
  outcome: { sites: number[]; objective: number; bound: number; gap: number; optimal: boolean; nodes: number; lpIterations: number },
  allocations: PlanResult['allocations'],
  solver: ReturnType<typeof solverFields>,
  heuristicIterations: number,
): PlanResult {
  return {
    model,
    sites: outcome.sites,
    objective: outcome.objective,
    bound: outcome.bound,
    gap: outcome.gap,
    status: outcome.optimal ? 'optimal' : 'limit',
    ...solver,
    allocations,
    work: { heuristicIterations, nodes: outcome.nodes, lpIterations: outcome.lpIterations },
  };
}
