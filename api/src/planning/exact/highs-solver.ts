import { setFlagsFromString } from 'node:v8';
import loadHighs, { type Highs } from 'highs';
import { PlanningError } from '../planning-error.ts';
import { columnCount, rowCount, type MilpModel } from './milp-model.ts';
import { DEFAULT_RELATIVE_GAP, type MilpSolution, type MilpSolveOptions, type MilpSolver } from './milp-solver.ts';

/**
 * HiGHS (WebAssembly build, single-threaded) through its persistent API: the
 * model goes in as typed CSR arrays (no LP text to parse), a heuristic
 * solution goes in as a MIP start, and the proven dual bound comes back when a
 * time limit stops the search.
 *
 * Chosen over glpk.js by measurement (`npm run bench -- planning` runs both on
 * the same models, one process, one after the other): on small models whose
 * LP bound is tight they take about the same time (tenths of a second); where
 * branching is needed HiGHS took half the time (pmed6 2.1 s against 4.6 s,
 * pmed11 2.1 s against 4.4 s, pmed16 15.6 s against 34.5 s), and only HiGHS
 * takes a MIP start and reports a proven bound when a time limit stops it,
 * which the planner needs to report a gap.
 */
export async function loadHighsSolver(options: { compileAhead?: boolean } = {}): Promise<MilpSolver> {
  // V8 compiles WebAssembly lazily with a baseline compiler and optimises hot
  // functions later, so a process's first solves run several times slower
  // (pmed1: 1.5 s cold, 0.1 s warm). Long-lived processes (server, benchmark)
  // can pay the optimising compile once at load instead (~5 s on 2 cores).
  if (options.compileAhead) {
    setFlagsFromString('--no-liftoff');
    setFlagsFromString('--no-wasm-lazy-compilation');
  }
  const highs = await loadHighs();
  if (options.compileAhead) {
    setFlagsFromString('--liftoff');
    setFlagsFromString('--wasm-lazy-compilation');
  }
  return {
    name: `highs ${highs.version.string}`,
    solve: (model, options) => solveWithHighs(highs, model, options ?? {}),
  };
}

function solveWithHighs(highs: Highs, model: MilpModel, options: MilpSolveOptions): MilpSolution {
  const numCols = columnCount(model);
  const numRows = rowCount(model);
  const isMip = model.integer.some((flag) => flag === 1);
  const handle = highs.createModel({
    numCols,
    numRows,
    sense: model.sense === 'minimize' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    offset: model.offset,
    colCost: model.columnCost,
    colLower: model.columnLower,
    colUpper: model.columnUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts: model.rowStarts, indices: model.rowIndices, values: model.rowValues },
    ...(isMip ? { integrality: Int32Array.from(model.integer) } : {}),
  });
  try {
    handle.options.set({
      output_flag: false,
      mip_rel_gap: options.relativeGap ?? DEFAULT_RELATIVE_GAP,
      // Restarts after root reduced-cost fixing cost more than they save on p-median models: measured
      // simplex iterations without/with restarts, pmed6 7,727 / 17,440, pmed12 5,449 / 7,115,
      // pmed16 43,765 / 62,217, pmed17 17,242 / 27,590 (pmed11 6,295 / 5,349).
      mip_allow_restart: false,
      random_seed: options.seed ?? 0,
      ...(options.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, options.timeLimitSeconds) } : {}),
    });
    if (options.start && isMip) handle.setSolution({ colValue: options.start });
    handle.run();
    const code = handle.getModelStatus();
    const status = highs.constants.modelStatus;
    const hasPrimal = Number(handle.info.get('primal_solution_status')) === 2;
    const values = hasPrimal ? handle.getSolution().colValue : null;
    const objective = hasPrimal ? handle.getObjectiveValue() : null;
    const seconds = handle.getRunTime();
    const nodes = isMip ? Number(handle.info.get('mip_node_count')) : 0;
    const lpIterations = Number(handle.info.get('simplex_iteration_count'));
    if (code === status.infeasible) return { status: 'infeasible', values: null, objective: null, bound: null, nodes, lpIterations, seconds };
    if (code === status.unbounded || code === status.unboundedOrInfeasible) {
      return { status: 'unbounded', values: null, objective: null, bound: null, nodes, lpIterations, seconds };
    }
    if (code === status.optimal) {
      const bound = isMip ? Number(handle.info.get('mip_dual_bound')) : objective;
      return { status: 'optimal', values, objective, bound, nodes, lpIterations, seconds };
    }
    if (code === status.timeLimit || code === status.interrupted || code === status.iterationLimit || code === status.solutionLimit) {
      const bound = isMip ? Number(handle.info.get('mip_dual_bound')) : null;
      return { status: 'limit', values, objective, bound: Number.isFinite(bound) ? bound : null, nodes, lpIterations, seconds };
    }
    throw new PlanningError('SOLVER_FAILED', `HiGHS stopped with model status ${code}.`, { reason: 'solver-status', solver: 'HiGHS', status: code });
  } finally {
    handle.dispose();
  }
}
