import loadHighs, { type Highs } from 'highs';
import { PlanningError } from '../planning-error.ts';
import { columnCount, rowCount, type MilpModel } from './milp-model.ts';
import { DEFAULT_RELATIVE_GAP, type MilpSolution, type MilpSolveOptions, type MilpSolver } from './milp-solver.ts';

/**
 * HiGHS (WebAssembly build, single-threaded) through its persistent API: the
 * model goes in as typed CSR arrays (no LP text to parse), a heuristic
 * solution goes in as a MIP start, and the proven dual bound comes back when a
 * time limit stops the search. Chosen over glpk.js by measurement (see the
 * planning benchmark): glpk.js takes no MIP start and reports no bound.
 */
export async function loadHighsSolver(): Promise<MilpSolver> {
  const highs = await loadHighs();
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
      output_flag: process.env.HIGHS_LOG === '1', log_to_console: true,
      mip_rel_gap: options.relativeGap ?? DEFAULT_RELATIVE_GAP,
      random_seed: options.seed ?? 0,
      ...(options.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, options.timeLimitSeconds) } : {}),
    });
    if (options.start && isMip) handle.setSolution({ colValue: options.start });
    if (process.env.HIGHS_LOG === '1') {
      handle.run({ [highs.constants.callbackType.logging]: (event) => { process.stderr.write(String((event as unknown as { message: string }).message)); } });
    } else handle.run();
    const code = handle.getModelStatus();
    const status = highs.constants.modelStatus;
    const hasPrimal = Number(handle.info.get('primal_solution_status')) === 2;
    const values = hasPrimal ? handle.getSolution().colValue : null;
    const objective = hasPrimal ? handle.getObjectiveValue() : null;
    const seconds = handle.getRunTime();
    const nodes = isMip ? Number(handle.info.get('mip_node_count')) : 0;
    if (code === status.infeasible) return { status: 'infeasible', values: null, objective: null, bound: null, nodes, seconds };
    if (code === status.unbounded || code === status.unboundedOrInfeasible) {
      return { status: 'unbounded', values: null, objective: null, bound: null, nodes, seconds };
    }
    if (code === status.optimal) {
      const bound = isMip ? Number(handle.info.get('mip_dual_bound')) : objective;
      return { status: 'optimal', values, objective, bound, nodes, seconds };
    }
    if (code === status.timeLimit || code === status.interrupted || code === status.iterationLimit || code === status.solutionLimit) {
      const bound = isMip ? Number(handle.info.get('mip_dual_bound')) : null;
      return { status: 'limit', values, objective, bound: Number.isFinite(bound) ? bound : null, nodes, seconds };
    }
    throw new PlanningError('SOLVER_FAILED', `HiGHS stopped with model status ${code}.`);
  } finally {
    handle.dispose();
  }
}
