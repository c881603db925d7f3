import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSolution } from './checker.ts';
import type { BenchmarkInstance } from './instances/benchmark-instance.ts';
import { readCvrplibFile } from './instances/cvrplib-reader.ts';
import { InstanceFormatError } from './instances/instance-format-error.ts';
import { formatCost, formatSolution } from './instances/sol-writer.ts';
import { readSolomonFile } from './instances/solomon-reader.ts';
import { ProblemDataError } from './model.ts';
import { solve } from './solve.ts';
import { firstOf, maxIterations, maxRuntime, type StoppingCriterion } from './stop.ts';
import { findUnservableClients } from './unservable.ts';

const USAGE = `Usage:
  npm run route -- --cvrplib FILE.vrp [options]
  npm run route -- --solomon FILE.txt [options]
Options:
  --time-limit SECONDS   stop after this long (default 10)
  --iterations N         stop after N genetic iterations (repeatable runs; combines with --time-limit)
  --seed N               random seed (default 1)
  --vehicles K           fleet size for --cvrplib (default: the k in the instance name, else one per client)
  --out FILE             write the solution in the CVRPLIB .sol layout
The last line printed is one JSON object: cost, routes, seconds, feasible, ...`;

function printResult(result: Record<string, unknown>): void {
  console.log(JSON.stringify(result));
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      cvrplib: { type: 'string' },
      solomon: { type: 'string' },
      'time-limit': { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      vehicles: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (!values.cvrplib && !values.solomon) || (values.cvrplib && values.solomon)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const number = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number, got "${text}"`);
    return value;
  };
  const timeLimit = number('time-limit', values['time-limit'], 10);
  const seed = number('seed', values.seed, 1);
  const vehicles = values.vehicles === undefined ? undefined : number('vehicles', values.vehicles, 0);

  const instance: BenchmarkInstance = values.cvrplib ? readCvrplibFile(values.cvrplib, { vehicles }) : readSolomonFile(values.solomon!);
  const data = instance.data;
  const unservable = findUnservableClients(data);
  if (unservable.length > 0) {
    for (const entry of unservable) console.error(`${instance.name}: stop "${entry.name}" cannot be served: ${entry.reason}`);
    printResult({ instance: instance.name, cost: null, routes: 0, seconds: 0, feasible: false, unservable: unservable.map(({ name, reason }) => ({ name, reason })) });
    return 1;
  }

  const clock = (): number => performance.now();
  const criteria: StoppingCriterion[] = [maxRuntime(timeLimit, clock)];
  if (values.iterations !== undefined) criteria.push(maxIterations(number('iterations', values.iterations, 0)));
  const started = clock();
  const result = solve(data, firstOf(...criteria), seed);
  const seconds = (clock() - started) / 1000;

  const check = checkSolution(data, result.solution);
  const routes = result.solution.routes.filter((route) => route.clients.length > 0).length;
  const cost = formatCost(instance, check.cost);
  if (Math.abs(check.cost - result.cost) > 1e-6 * Math.max(1, Math.abs(check.cost))) {
    check.violations.push(`the solver reported cost ${result.cost}, the checker recomputed ${check.cost}`);
  }
  const feasible = result.feasible && check.feasible && check.violations.length === 0;
  for (const violation of check.violations) console.error(`${instance.name}: ${violation}`);
  if (values.out) writeFileSync(values.out, formatSolution(instance, result.solution, check.cost));
  console.log(`${instance.name}: cost ${cost}, ${routes} routes, ${feasible ? 'feasible' : 'INFEASIBLE'} (checked), ${seconds.toFixed(2)} s, ${result.iterations} iterations, seed ${seed}`);
  printResult({
    instance: instance.name,
    cost: Number(cost),
    routes,
    seconds: Number(seconds.toFixed(3)),
    feasible,
    iterations: result.iterations,
    seed,
    ...(values.out ? { out: values.out } : {}),
  });
  return feasible ? 0 : 1;
}

class UsageError extends Error {}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof InstanceFormatError || error instanceof ProblemDataError || error instanceof UsageError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(known ? message : `route failed: ${message}`);
  printResult({ cost: null, routes: 0, seconds: 0, feasible: false, error: message });
  process.exitCode = error instanceof UsageError ? 2 : 1;
  if (!known) throw error;
}
