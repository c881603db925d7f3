import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSolution } from '../../api/src/routing/checker.ts';
import type { BenchmarkInstance } from '../../api/src/routing/instances/benchmark-instance.ts';
import { readCvrplibFile } from '../../api/src/routing/instances/cvrplib-reader.ts';
import { formatCost } from '../../api/src/routing/instances/sol-writer.ts';
import { readSolomonFile } from '../../api/src/routing/instances/solomon-reader.ts';
import { solve } from '../../api/src/routing/solve.ts';
import { firstOf, maxIterations, maxRuntime, type StoppingCriterion } from '../../api/src/routing/stop.ts';
import type { Benchmark } from './registry.ts';

const BENCH_DIRECTORY = fileURLToPath(new URL('../../../shared/bench/', import.meta.url));

interface Case {
  set: 'A' | 'P' | 'C1' | 'R1';
  name: string;
  reference: number;
  /** Most routes a solution may use. */
  maxRoutes: number;
  seconds: number;
  load: () => BenchmarkInstance;
}

/** Rows of a MANIFEST.tsv as objects keyed by its header. */
function readManifest(path: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  return rows.map((cells) => Object.fromEntries(header!.map((key, index) => [key, cells[index] ?? ''])));
}

function listCases(): Case[] {
  const cases: Case[] = [];
  for (const row of readManifest(`${BENCH_DIRECTORY}cvrplib/MANIFEST.tsv`)) {
    const set = row.set as 'A' | 'P';
    const k = Number(row.k_in_name);
    // The fleet is the k in the name: at most k routes, as the optimal values assume.
    cases.push({ set, name: row.instance!, reference: Number(row.bks_cost), maxRoutes: k, seconds: 2, load: () => readCvrplibFile(`${BENCH_DIRECTORY}cvrplib/${row.vrp_file}`, { vehicles: k }) });
  }
  for (const row of readManifest(`${BENCH_DIRECTORY}solomon/MANIFEST.tsv`)) {
    const set = row.instance!.startsWith('C1') ? 'C1' : row.instance!.startsWith('R1') ? 'R1' : null;
    if (!set) continue;
    cases.push({ set, name: row.instance!, reference: Number(row.bks_distance), maxRoutes: Number(row.max_vehicles), seconds: 10, load: () => readSolomonFile(`${BENCH_DIRECTORY}solomon/${row.file}`) });
  }
  return cases;
}

/** ROUTING_INSTANCES: comma-separated set names (A, P, C1, R1) or instance name prefixes. */
function selectCases(cases: Case[], filter: string | undefined): Case[] {
  if (!filter) return cases;
  const terms = filter.split(',').map((term) => term.trim()).filter((term) => term !== '');
  return cases.filter((entry) => terms.some((term) => entry.set === term || entry.name.startsWith(term)));
}

function envNumber(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

/**
 * CVRPLIB A and P (2 s each, at most k routes) and Solomon C1 and R1 (10 s each, the instance's
 * fleet), every solution recomputed by the independent checker. Figures, not assertions.
 * Options by environment (the bench runner takes no flags): ROUTING_TIME_LIMIT seconds per
 * instance, ROUTING_ITERATIONS for a repeatable iteration budget instead, ROUTING_INSTANCES to run a
 * subset, ROUTING_SEED (default 1).
 */
export const routingBenchmark: Benchmark = {
  description: 'vehicle routing: CVRPLIB A, P (2 s) and Solomon C1, R1 (10 s), gap to best known, checked',
  async run() {
    const timeLimit = envNumber('ROUTING_TIME_LIMIT');
    const iterations = envNumber('ROUTING_ITERATIONS');
    const seed = envNumber('ROUTING_SEED') ?? 1;
    const cases = selectCases(listCases(), process.env.ROUTING_INSTANCES);
    const budget = iterations !== undefined ? `${iterations} iterations` : timeLimit !== undefined ? `${timeLimit} s` : 'A/P 2 s, Solomon 10 s';
    console.log(`node ${process.version}; seed ${seed}; budget per instance: ${budget}; ${cases.length} instances`);
    console.log('set  instance        cost   reference    gap %  routes  max   seconds  iterations  check');
    const gaps = new Map<string, number[]>();
    const problems: string[] = [];
    for (const entry of cases) {
      const instance = entry.load();
      const clock = (): number => performance.now();
      const started = clock();
      const stop: StoppingCriterion =
        iterations !== undefined ? maxIterations(iterations) : firstOf(maxRuntime(timeLimit ?? entry.seconds, clock));
      const result = solve(instance.data, stop, seed);
      const seconds = (clock() - started) / 1000;
      const check = checkSolution(instance.data, result.solution);
      const routes = check.routes.length;
      const cost = Number(formatCost(instance, check.cost));
      const gap = ((cost - entry.reference) / entry.reference) * 100;
      const ok = check.feasible && routes <= entry.maxRoutes && Math.abs(check.cost - result.cost) < 1e-6 * Math.max(1, check.cost);
      if (!ok) problems.push(`${entry.name}: ${check.violations.join('; ') || `solver cost ${result.cost} vs checker ${check.cost}`}`);
      if (ok) gaps.set(entry.set, [...(gaps.get(entry.set) ?? []), gap]);
      console.log(
        `${entry.set.padEnd(4)} ${entry.name.padEnd(11)} ${cost.toFixed(instance.costDecimals).padStart(9)} ${entry.reference.toFixed(instance.costDecimals).padStart(11)} ${gap.toFixed(2).padStart(8)}  ${String(routes).padStart(6)} ${String(entry.maxRoutes).padStart(4)} ${seconds.toFixed(2).padStart(9)} ${String(result.iterations).padStart(11)}  ${ok ? 'ok' : 'FAILED'}`,
      );
    }
    console.log('\nset  instances  feasible  mean gap %  worst gap %');
    for (const set of ['A', 'P', 'C1', 'R1']) {
      const total = cases.filter((entry) => entry.set === set).length;
      if (total === 0) continue;
      const values = gaps.get(set) ?? [];
      const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
      const worst = values.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY);
      console.log(`${set.padEnd(4)} ${String(total).padStart(9)} ${String(values.length).padStart(9)} ${mean.toFixed(3).padStart(11)} ${(values.length ? worst.toFixed(2) : '-').padStart(12)}`);
    }
    for (const problem of problems) console.log(`FAILED ${problem}`);
  },
};
