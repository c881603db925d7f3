import { PlanningError } from '../planning-error.ts';
import { columnCount, rowCount, type MilpModel } from './milp-model.ts';
import { DEFAULT_RELATIVE_GAP, type MilpSolution, type MilpSolveOptions, type MilpSolver } from './milp-solver.ts';

/**
 * glpk.js (GLPK 5 in WebAssembly), kept so the benchmark can compare it with
 * HiGHS on the same models. It is a dev dependency: production code never
 * imports this module. It accepts no MIP start and reports no dual bound, so
 * a time-limited run has no proven gap.
 */
export async function loadGlpkSolver(): Promise<MilpSolver> {
  const { default: createGlpk } = await import('glpk.js/node');
  const glpk = await createGlpk();
  return {
    name: `glpk.js ${glpk.version}`,
    solve: (model, options) => solveWithGlpk(glpk, model, options ?? {}),
  };
}

type Glpk = Awaited<ReturnType<(typeof import('glpk.js/node'))['default']>>;

function solveWithGlpk(glpk: Glpk, model: MilpModel, options: MilpSolveOptions): MilpSolution {
  const names = model.columnNames;
  const bounds = [];
  for (let j = 0; j < columnCount(model); j += 1) {
    bounds.push({ name: names[j]!, ...glpkBounds(glpk, model.columnLower[j]!, model.columnUpper[j]!) });
  }
  const subjectTo = [];
  for (let r = 0; r < rowCount(model); r += 1) {
    const vars = [];
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k += 1) vars.push({ name: names[model.rowIndices[k]!]!, coef: model.rowValues[k]! });
    subjectTo.push({ name: model.rowNames[r]!, vars, bnds: glpkBounds(glpk, model.rowLower[r]!, model.rowUpper[r]!) });
  }
  const objectiveVars = [];
  for (let j = 0; j < columnCount(model); j += 1) if (model.columnCost[j] !== 0) objectiveVars.push({ name: names[j]!, coef: model.columnCost[j]! });
  const integers = names.filter((_, j) => model.integer[j] === 1);
  const result = glpk.solve(
    {
      name: 'model',
      objective: { direction: model.sense === 'minimize' ? glpk.GLP_MIN : glpk.GLP_MAX, name: 'objective', vars: objectiveVars },
      subjectTo,
      bounds,
      generals: integers,
    },
    {
      msglev: glpk.GLP_MSG_OFF,
      presol: true,
      mipgap: options.relativeGap ?? DEFAULT_RELATIVE_GAP,
      ...(options.timeLimitSeconds !== undefined ? { tmlim: Math.max(1, Math.ceil(options.timeLimitSeconds)) } : {}),
    },
  );
  const seconds = result.time;
  const code = result.result.status;
  if (code === glpk.GLP_NOFEAS) return { status: 'infeasible', values: null, objective: null, bound: null, nodes: 0, lpIterations: 0, seconds };
  if (code === glpk.GLP_UNBND) return { status: 'unbounded', values: null, objective: null, bound: null, nodes: 0, lpIterations: 0, seconds };
  if (code !== glpk.GLP_OPT && code !== glpk.GLP_FEAS) {
    if (code === glpk.GLP_UNDEF) return { status: 'limit', values: null, objective: null, bound: null, nodes: 0, lpIterations: 0, seconds };
    throw new PlanningError('SOLVER_FAILED', `glpk.js stopped with status ${code}.`, { reason: 'solver-status', solver: 'glpk.js', status: code });
  }
  const values = Float64Array.from(names, (name) => result.result.vars[name] ?? 0);
  const objective = result.result.z + model.offset;
  const optimal = code === glpk.GLP_OPT;
  return { status: optimal ? 'optimal' : 'limit', values, objective, bound: optimal ? objective : null, nodes: 0, lpIterations: 0, seconds };
}

function glpkBounds(glpk: Glpk, lower: number, upper: number): { type: number; lb: number; ub: number } {
  const hasLower = Number.isFinite(lower);
  const hasUpper = Number.isFinite(upper);
  if (hasLower && hasUpper) return { type: lower === upper ? glpk.GLP_FX : glpk.GLP_DB, lb: lower, ub: upper };
  if (hasLower) return { type: glpk.GLP_LO, lb: lower, ub: 0 };
  if (hasUpper) return { type: glpk.GLP_UP, lb: 0, ub: upper };
  return { type: glpk.GLP_FR, lb: 0, ub: 0 };
}
