import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBase } from '@terep/data-import';
import { engineOptionsFromEnv, openEngine, planningSettlements } from '@terep/db';
import { detourDistanceMatrix } from '../../api/src/travel/detour-distance-matrix.ts';
import { buildClassicMedianModel } from '../../api/src/planning/exact/formulations/p-median-classic.ts';
import { buildClassicCenterModel } from '../../api/src/planning/exact/formulations/p-center-classic.ts';
import { buildMaximalCoveringModel } from '../../api/src/planning/exact/formulations/maximal-covering.ts';
import { buildSetCoveringModel } from '../../api/src/planning/exact/formulations/set-covering.ts';
import { loadGlpkSolver } from '../../api/src/planning/exact/glpk-solver.ts';
import { loadHighsSolver } from '../../api/src/planning/exact/highs-solver.ts';
import type { MilpModel } from '../../api/src/planning/exact/milp-model.ts';
import type { MilpSolver } from '../../api/src/planning/exact/milp-solver.ts';
import { readSanFrancisco, readSchools } from '../../api/src/planning/instances/locate-sf-reader.ts';
import { parseOrLibraryPMedian } from '../../api/src/planning/instances/orlib-reader.ts';
import { createLocationInstance, type LocationInstance } from '../../api/src/planning/location-instance.ts';
import { writeLpFormat } from '../../api/src/planning/lp-writer.ts';
import type { PlanRequest } from '../../api/src/planning/plan-request.ts';
import type { PlanResult } from '../../api/src/planning/plan-result.ts';
import { PlanningError } from '../../api/src/planning/planning-error.ts';
import { solvePlan, type SolveMethod } from '../../api/src/planning/solve-plan.ts';
import type { Benchmark } from './registry.ts';

const BENCH_DIRECTORY = fileURLToPath(new URL('../../../shared/bench/', import.meta.url));
const PMED_DIRECTORY = join(BENCH_DIRECTORY, 'pmed');
const SF_DIRECTORY = join(BENCH_DIRECTORY, 'locate-sf');
const SEED = 1;
const COUNTRY_P = 50;
const DETOUR_FACTOR = 1.3;

/** Knobs, all optional: which instances, the time limits, and whether to run CBC and glpk.js. */
const settings = {
  only: process.env.PLANNING_INSTANCES?.split(',').map((name) => name.trim()).filter(Boolean),
  exactSeconds: Number(process.env.PLANNING_EXACT_SECONDS ?? 120),
  cbcSeconds: Number(process.env.PLANNING_CBC_SECONDS ?? 300),
  cbc: process.env.PLANNING_CBC !== 'off',
  glpk: process.env.PLANNING_GLPK !== 'off',
};

interface Case {
  name: string;
  instance: LocationInstance;
  request: PlanRequest;
  reference: number;
  /** Compare the objective per unit of demand (the schools reference is a mean time). */
  perDemand: boolean;
  /** The formulation CBC is timed on: the classic one spopt hands it. */
  classicModel: () => MilpModel;
  /** glpk.js is compared on the small instances only (it has no MIP start and no bound). */
  compareGlpk: boolean;
}

interface Row {
  name: string;
  reference: number;
  /** Null where the planner offers no heuristic (capacitated models are exact only). */
  heuristic: Run | null;
  exact: Run;
  cbc: CbcRun | null;
  glpk: Run | null;
}

interface Run {
  value: number;
  gapToReference: number;
  seconds: number;
  result: PlanResult;
}

interface CbcRun {
  status: 'optimal' | 'limit' | 'failed';
  value: number | null;
  seconds: number;
}

function readManifest(path: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  return rows.map((cells) => Object.fromEntries(header!.map((key, index) => [key, cells[index] ?? ''])));
}

function selected(name: string): boolean {
  return !settings.only || settings.only.includes(name);
}

function pmedCases(): Case[] {
  return readManifest(join(PMED_DIRECTORY, 'MANIFEST.tsv'))
    .filter((row) => selected(row.instance!))
    .map((row) => {
      const file = row.file!;
      const { instance, p } = parseOrLibraryPMedian(readFileSync(join(PMED_DIRECTORY, file), 'utf8'), file);
      return {
        name: row.instance!,
        instance,
        request: { model: 'pmedian', p },
        reference: Number(row.optimal),
        perDemand: false,
        classicModel: () => buildClassicMedianModel(instance, { p }).model,
        // The 100-vertex set, and the p = 5 instances, where the LP bound is weakest.
        compareGlpk: instance.demandIds.length <= 100 || p <= 5,
      };
    });
}

/** The San Francisco manifest names its models and parameters in words; read them from there, not from a hard-coded list. */
function sanFranciscoCases(): Case[] {
  let sanFrancisco: LocationInstance | undefined;
  let schools: LocationInstance | undefined;
  return readManifest(join(SF_DIRECTORY, 'MANIFEST.tsv'))
    .filter((row) => selected(row.instance!))
    .map((row): Case => {
      const params = row.params!;
      const p = Number(/\bp=(\d+)/.exec(params)?.[1] ?? NaN);
      const radius = Number(/\bradius=([\d.]+)/.exec(params)?.[1] ?? NaN);
      const reference = Number(/=\s*([\d.]+)/.exec(row.optimal_value!)?.[1] ?? NaN);
      const perDemand = /^mean/.test(row.optimal_value!);
      const model = row.model!.toLowerCase();
      const isSchools = row.files!.includes('example_subject');
      const instance = isSchools ? (schools ??= readSchools(SF_DIRECTORY)) : (sanFrancisco ??= readSanFrancisco(SF_DIRECTORY));
      const base = { name: row.instance!, instance, reference, perDemand, compareGlpk: true };
      if (model === 'mclp') {
        return { ...base, request: { model: 'mclp', p, radius }, classicModel: () => buildMaximalCoveringModel(instance, { p, radius }).model };
      }
      if (model === 'lscp') return { ...base, request: { model: 'lscp', radius }, classicModel: () => buildSetCoveringModel(instance, radius) };
      if (model === 'p-center') return { ...base, request: { model: 'pcenter', p }, classicModel: () => buildClassicCenterModel(instance, p) };
      if (model === 'capacitated p-median') {
        const fillFixed = /fulfil/.test(params);
        return {
          ...base,
          request: { model: 'pmedian', p, capacitated: true, fillFixed },
          classicModel: () => buildClassicMedianModel(instance, { p, capacitated: true, fillFixed }).model,
        };
      }
      if (model === 'p-median') return { ...base, request: { model: 'pmedian', p }, classicModel: () => buildClassicMedianModel(instance, { p }).model };
      throw new Error(`Unknown model "${row.model}" in the San Francisco manifest.`);
    });
}

function run(testCase: Case, method: SolveMethod, solver: MilpSolver | undefined): Run {
  const started = performance.now();
  const result = solvePlan(testCase.instance, testCase.request, {
    method,
    seed: SEED,
    timeLimitSeconds: method === 'exact' ? settings.exactSeconds : undefined,
    clock: () => performance.now(),
    solver,
  });
  const seconds = (performance.now() - started) / 1000;
  const totalWeight = testCase.instance.weights.reduce((sum, weight) => sum + weight, 0);
  const value = testCase.perDemand ? result.objective / totalWeight : result.objective;
  // MCLP maximises: its gap is the shortfall. A negative gap would mean a wrong reference or a wrong objective.
  const gap = testCase.request.model === 'mclp' ? (testCase.reference - value) / testCase.reference : (value - testCase.reference) / testCase.reference;
  return { value, gapToReference: gap * 100, seconds, result };
}

function runUnlessUnsupported(testCase: Case, method: SolveMethod, solver: MilpSolver | undefined): Run | null {
  try {
    return run(testCase, method, solver);
  } catch (error) {
    if (error instanceof PlanningError && error.code === 'UNSUPPORTED') return null;
    throw error;
  }
}

function cbcAvailable(): boolean {
  const probe = spawnSync('cbc', ['-quit'], { encoding: 'utf8' });
  return !probe.error;
}

/** Writes the model as an LP file and times CBC on it, one thread, as spopt's default solver would run. */
function runCbc(model: MilpModel, name: string, directory: string): CbcRun {
  const file = join(directory, `${name}.lp`);
  writeFileSync(file, writeLpFormat(model));
  const started = performance.now();
  const outcome = spawnSync('cbc', [file, '-threads', '1', '-sec', String(settings.cbcSeconds), '-solve', '-quit'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const output = outcome.stdout ?? '';
  const value = /Objective value:\s*(-?[\d.e+-]+)/.exec(output)?.[1];
  const status = /Result - Optimal solution found/.test(output) ? 'optimal' : /Stopped on time|time limit/i.test(output) ? 'limit' : 'failed';
  return { status, value: value === undefined ? null : Math.abs(Number(value)), seconds };
}

function format(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '-';
  return Math.abs(value) >= 1e6 ? value.toExponential(6) : Number(value.toFixed(digits)).toString();
}

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

function printRow(row: Row): void {
  const exact = row.exact.result;
  const cbc = row.cbc;
  const cells = [
    pad(row.name, 21, true),
    pad(format(row.reference, 4), 13),
    pad(row.heuristic ? format(row.heuristic.value, 4) : 'exact only', 13),
    pad(row.heuristic ? row.heuristic.gapToReference.toFixed(3) : '-', 7),
    pad(row.heuristic ? row.heuristic.seconds.toFixed(2) : '-', 6),
    pad(format(row.exact.value, 4), 13),
    pad(exact.gap === null ? '-' : (exact.gap * 100).toFixed(3), 8),
    pad(row.exact.gapToReference.toFixed(3), 7),
    pad(row.exact.seconds.toFixed(2), 6),
    pad(cbc ? format(cbc.value, 4) : '-', 13),
    pad(cbc ? cbc.seconds.toFixed(2) : '-', 7),
    pad(cbc ? cbc.status : '-', 8),
  ];
  console.log(cells.join(' '));
}

function printSummary(label: string, rows: Row[]): void {
  if (rows.length === 0) return;
  const worst = (pick: (row: Row) => number): { value: number; name: string } =>
    rows.reduce((top, row) => (pick(row) > top.value ? { value: pick(row), name: row.name } : top), { value: -Infinity, name: '' });
  const mean = (pick: (row: Row) => number): number => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
  const withHeuristic = rows.filter((row) => row.heuristic !== null);
  const heuristicWorst = worst((row) => row.heuristic?.gapToReference ?? -Infinity);
  const heuristicSlowest = worst((row) => row.heuristic?.seconds ?? -Infinity);
  const exactWorst = worst((row) => row.exact.gapToReference);
  const proven = rows.filter((row) => row.exact.result.status === 'optimal').length;
  const timed = rows.filter((row) => row.cbc !== null);
  const faster = timed.filter((row) => row.exact.seconds < row.cbc!.seconds).length;
  console.log(
    `${label}: heuristic gap mean ${(withHeuristic.reduce((sum, row) => sum + row.heuristic!.gapToReference, 0) / withHeuristic.length).toFixed(3)} %, ` +
      `worst ${heuristicWorst.value.toFixed(3)} % (${heuristicWorst.name}), slowest ${heuristicSlowest.value.toFixed(2)} s (${heuristicSlowest.name}), ` +
      `over ${withHeuristic.length} instances`,
  );
  console.log(
    `${label}: exact gap to reference mean ${mean((row) => row.exact.gapToReference).toFixed(3)} %, worst ${exactWorst.value.toFixed(3)} % (${exactWorst.name}); ` +
      `proven optimal ${proven}/${rows.length}; faster than CBC on ${faster}/${timed.length}` +
      (timed.length > 0 ? ` (exact ${timed.reduce((sum, row) => sum + row.exact.seconds, 0).toFixed(1)} s vs CBC ${timed.reduce((sum, row) => sum + row.cbc!.seconds, 0).toFixed(1)} s in total)` : ''),
  );
}

async function countryScale(): Promise<void> {
  const engine = await openEngine(engineOptionsFromEnv());
  try {
    let settlements = await planningSettlements(engine.db);
    if (settlements.length === 0) {
      const loaded = await loadBase(engine);
      console.log(`(database was empty: base data loaded in ${loaded.seconds.toFixed(1)} s)`);
      settlements = await planningSettlements(engine.db);
    }
    const matrixStarted = performance.now();
    const points = settlements.map(({ lon, lat }) => ({ lon, lat }));
    const ids = settlements.map((settlement) => settlement.code);
    const instance = createLocationInstance({
      demandIds: ids,
      candidateIds: ids,
      weights: Float64Array.from(settlements, (settlement) => settlement.population2024),
      distances: detourDistanceMatrix(points, points, DETOUR_FACTOR),
    });
    const matrixSeconds = (performance.now() - matrixStarted) / 1000;
    const started = performance.now();
    const result = solvePlan(instance, { model: 'pmedian', p: COUNTRY_P }, { method: 'heuristic', seed: SEED, clock: () => performance.now() });
    const seconds = (performance.now() - started) / 1000;
    const population = instance.weights.reduce((sum, weight) => sum + weight, 0);
    const names = new Map(settlements.map((settlement) => [settlement.code, settlement.name]));
    console.log(
      `country-scale p-median: ${ids.length} settlements as demand and candidates (${engine.kind} engine), p = ${COUNTRY_P}, 2024 population weights, great-circle km × ${DETOUR_FACTOR}`,
    );
    console.log(
      `  distance matrix ${matrixSeconds.toFixed(2)} s; heuristic ${seconds.toFixed(2)} s (${result.work.iterations} VNS iterations, ${result.work.improvements} improvements, seed ${SEED}); ` +
        `objective ${result.objective.toFixed(0)} person-km, mean ${(result.objective / population).toFixed(3)} km per resident`,
    );
    console.log(`  sites: ${result.sites.map((site) => names.get(ids[site]!)).join(', ')}`);
  } finally {
    await engine.close();
  }
}

/**
 * OR-Library pmed and spopt's San Francisco models: the heuristic and the exact
 * solver against the published optima, CBC on the classic formulation side by
 * side, glpk.js against HiGHS on the small models, and a country-scale p-median.
 */
export const planningBenchmark: Benchmark = {
  description: 'siting models: heuristic and exact (HiGHS) vs published optima, CBC and glpk.js side by side, country-scale p-median',
  async run() {
    const loadStarted = performance.now();
    const highs = await loadHighsSolver({ compileAhead: true });
    console.log(`${highs.name} loaded and compiled ahead of time in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (once per process, not in the times below)`);
    const glpk = settings.glpk ? await loadGlpkSolver() : null;
    const cbc = settings.cbc && cbcAvailable();
    if (settings.cbc && !cbc) console.log('cbc not installed, skipped');
    const lpDirectory = mkdtempSync(join(tmpdir(), 'terep-planning-'));
    try {
      console.log(
        `seed ${SEED}; exact time limit ${settings.exactSeconds} s${cbc ? `; CBC 2.10 (classic formulation, 1 thread) limit ${settings.cbcSeconds} s` : ''}; gaps in %`,
      );
      console.log(
        [
          pad('instance', 21, true), pad('reference', 13), pad('heuristic', 13), pad('gap', 7), pad('s', 6),
          pad('exact', 13), pad('proven', 8), pad('gap', 7), pad('s', 6), pad('cbc', 13), pad('s', 7), pad('status', 8),
        ].join(' '),
      );
      const groups: Array<[string, () => Case[]]> = [['pmed', pmedCases], ['San Francisco', sanFranciscoCases]];
      const glpkRows: Array<{ name: string; highs: Run; glpk: Run }> = [];
      for (const [label, cases] of groups) {
        const rows: Row[] = [];
        for (const testCase of cases()) {
          const heuristic = runUnlessUnsupported(testCase, 'heuristic', undefined);
          const exact = run(testCase, 'exact', highs);
          const cbcRun = cbc ? runCbc(testCase.classicModel(), testCase.name, lpDirectory) : null;
          if (cbcRun?.value != null && testCase.perDemand) cbcRun.value /= testCase.instance.weights.reduce((sum, weight) => sum + weight, 0);
          const row: Row = { name: testCase.name, reference: testCase.reference, heuristic, exact, cbc: cbcRun, glpk: null };
          printRow(row);
          rows.push(row);
          if (glpk && testCase.compareGlpk) glpkRows.push({ name: testCase.name, highs: exact, glpk: run(testCase, 'exact', glpk) });
        }
        printSummary(label, rows);
      }
      if (glpkRows.length > 0) {
        console.log(`\nHiGHS vs ${glpk!.name} on the same models (Terep's formulations, exact, seconds; proven gap %):`);
        for (const { name, highs: highsRun, glpk: glpkRun } of glpkRows) {
          console.log(
            `${pad(name, 21, true)} highs ${pad(highsRun.seconds.toFixed(2), 6)} (${format(highsRun.value, 4)}, gap ${format((highsRun.result.gap ?? NaN) * 100, 3)})` +
              `   glpk ${pad(glpkRun.seconds.toFixed(2), 6)} (${format(glpkRun.value, 4)}, gap ${format((glpkRun.result.gap ?? NaN) * 100, 3)})`,
          );
        }
        const total = (pick: (entry: (typeof glpkRows)[number]) => number): number => glpkRows.reduce((sum, entry) => sum + pick(entry), 0);
        console.log(`total: highs ${total((entry) => entry.highs.seconds).toFixed(2)} s, glpk ${total((entry) => entry.glpk.seconds).toFixed(2)} s`);
      }
      if (selected('country')) {
        console.log('');
        await countryScale();
      }
    } finally {
      rmSync(lpDirectory, { recursive: true, force: true });
    }
  },
};
