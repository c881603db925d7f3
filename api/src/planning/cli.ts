import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadHighsSolver } from './exact/highs-solver.ts';
import { parseOrLibraryPMedian } from './instances/orlib-reader.ts';
import { readSanFrancisco, readSchools } from './instances/locate-sf-reader.ts';
import { createLocationInstance, type LocationInstance } from './location-instance.ts';
import { LOCATION_MODELS, type LocationModel, type PlanRequest } from './plan-request.ts';
import { PlanningError } from './planning-error.ts';
import { EXACT_SIZE_LIMIT, solvePlan, type SolveMethod } from './solve-plan.ts';

const USAGE = `Usage: npm run plan -- --model pmedian|mclp|lscp|pcenter (--orlib FILE | --locate-sf DIR [--dataset sf|schools])
  [--p N] [--radius R] [--exact | --heuristic] [--time-limit SECONDS] [--seed N] [--iterations N]
  [--capacitated] [--capacity N] [--fill-fixed]

  --orlib FILE      OR-Library p-median file (p defaults to the file's own)
  --locate-sf DIR   spopt's San Francisco files (--dataset sf, default) or its school example (--dataset schools:
                    capacities from Count, priority-1 schools fixed open)
  --p N             sites to open, fixed (existing) sites included
  --radius R        reach for mclp and lscp, in the instance's distance unit
  --exact           MILP (HiGHS) with a proven gap; --heuristic: fast-interchange VNS; default: exact up to
                    ${EXACT_SIZE_LIMIT.toLocaleString('en')} demand × candidate pairs
  --capacitated     each site serves at most its capacity; --capacity N gives every site capacity N
  --fill-fixed      fixed sites must be used to capacity (spopt's fulfill_predefined_fac)

The last line printed is one JSON object: objective, seconds, solver, gap, sites (ids), and more.`;

/** The CLI only parses arguments, reads the instance, and prints; the planning modules do the rest. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        model: { type: 'string' },
        orlib: { type: 'string' },
        'locate-sf': { type: 'string' },
        dataset: { type: 'string', default: 'sf' },
        p: { type: 'string' },
        radius: { type: 'string' },
        exact: { type: 'boolean', default: false },
        heuristic: { type: 'boolean', default: false },
        'time-limit': { type: 'string' },
        seed: { type: 'string', default: '1' },
        iterations: { type: 'string' },
        capacitated: { type: 'boolean', default: false },
        capacity: { type: 'string' },
        'fill-fixed': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const model = args.model as LocationModel | undefined;
  if (!model || !LOCATION_MODELS.includes(model)) return usageError(`--model must be one of ${LOCATION_MODELS.join(', ')}.`);
  if (!args.orlib === !args['locate-sf']) return usageError('Give exactly one instance: --orlib FILE or --locate-sf DIR.');
  if (args.exact && args.heuristic) return usageError('--exact and --heuristic exclude each other.');
  const numberOption = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not "${text}".`);
    return value;
  };

  try {
    const readStarted = performance.now();
    let instance: LocationInstance;
    let fileP: number | undefined;
    let instanceName: string;
    if (args.orlib) {
      const parsed = parseOrLibraryPMedian(readFileSync(args.orlib, 'utf8'), basename(args.orlib));
      instance = parsed.instance;
      fileP = parsed.p;
      instanceName = basename(args.orlib);
    } else {
      const directory = args['locate-sf']!;
      if (args.dataset !== 'sf' && args.dataset !== 'schools') return usageError('--dataset must be sf or schools.');
      instance = args.dataset === 'schools' ? readSchools(directory) : readSanFrancisco(directory);
      instanceName = args.dataset === 'schools' ? 'spopt schools example' : 'San Francisco (spopt)';
    }
    const uniformCapacity = numberOption('capacity', args.capacity);
    if (uniformCapacity !== undefined) instance = createLocationInstance({ ...instance, capacities: new Float64Array(instance.candidateIds.length).fill(uniformCapacity) });
    const readSeconds = (performance.now() - readStarted) / 1000;

    const p = numberOption('p', args.p) ?? fileP;
    const radius = numberOption('radius', args.radius);
    const capacitated = args.capacitated || uniformCapacity !== undefined;
    const request = buildRequest(model, p, radius, capacitated, args['fill-fixed']);
    const method: SolveMethod = args.exact ? 'exact' : args.heuristic ? 'heuristic' : 'auto';
    const pairs = instance.demandIds.length * instance.candidateIds.length;
    const needsSolver = method === 'exact' || (method === 'auto' && pairs <= EXACT_SIZE_LIMIT);
    const solver = needsSolver ? await loadHighsSolver() : undefined;

    console.log(`${instanceName}: ${instance.demandIds.length} demand points × ${instance.candidateIds.length} candidates, ${instance.fixedOpen.length} fixed open`);
    const started = performance.now();
    const result = solvePlan(instance, request, {
      method,
      seed: numberOption('seed', args.seed),
      timeLimitSeconds: numberOption('time-limit', args['time-limit']),
      iterations: numberOption('iterations', args.iterations),
      clock: () => performance.now(),
      solver,
    });
    const seconds = (performance.now() - started) / 1000;
    const siteIds = result.sites.map((site) => instance.candidateIds[site]!);
    console.log(`${result.status}: objective ${result.objective}${result.gap === null ? '' : `, proven gap ${(result.gap * 100).toFixed(4)} %`} in ${seconds.toFixed(3)} s (${result.solver})`);
    console.log(
      JSON.stringify({
        model: result.model,
        objective: result.objective,
        seconds: round(seconds, 4),
        solver: result.solver,
        gap: result.gap,
        bound: result.bound,
        status: result.status,
        sites: args.orlib ? siteIds.map(Number) : siteIds,
        p: 'p' in request ? request.p : result.sites.length,
        ...('radius' in request ? { radius: request.radius } : {}),
        capacitated,
        meanDistance: result.model === 'pmedian' ? result.objective / totalWeight(instance) : undefined,
        readSeconds: round(readSeconds, 4),
        work: result.work,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    if (error instanceof PlanningError) {
      console.error(`plan: ${error.message}`);
      return error.code === 'SOLVER_FAILED' ? 1 : 3;
    }
    throw error;
  }
}

class UsageError extends Error {}

function buildRequest(model: LocationModel, p: number | undefined, radius: number | undefined, capacitated: boolean, fillFixed: boolean): PlanRequest {
  const needP = (): number => {
    if (p === undefined) throw new UsageError(`--model ${model} needs --p.`);
    return p;
  };
  const needRadius = (): number => {
    if (radius === undefined) throw new UsageError(`--model ${model} needs --radius.`);
    return radius;
  };
  if ((capacitated || fillFixed) && model !== 'pmedian' && model !== 'mclp') throw new UsageError('Capacities apply to pmedian and mclp only.');
  switch (model) {
    case 'pmedian':
      return { model, p: needP(), capacitated, fillFixed };
    case 'mclp':
      return { model, p: needP(), radius: needRadius(), capacitated, fillFixed };
    case 'lscp':
      return { model, radius: needRadius() };
    case 'pcenter':
      return { model, p: needP() };
  }
}

function usageError(message: string): number {
  console.error(`plan: ${message}\n\n${USAGE}`);
  return 2;
}

function totalWeight(instance: LocationInstance): number {
  return instance.weights.reduce((sum, weight) => sum + weight, 0);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

process.exitCode = await main(process.argv.slice(2));
