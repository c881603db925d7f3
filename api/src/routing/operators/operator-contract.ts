/**
 * Shared test suite for node operators (the Hono `common.case` pattern): every operator is checked
 * against a plain description of its move on arrays, costed by `Individual`, which evaluates a
 * solution with a forward pass of its own and none of the search's cached segment data.
 * Only test files import this module.
 */
import { expect, it } from 'vitest';
import { Individual } from '../hgs/individual.ts';
import type { ProblemData } from '../model.ts';
import { randomProblem, type RandomProblemOptions } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import type { Penalties } from '../search/penalties.ts';
import { SearchContext, type NodeOperator, type RouteOperator } from '../search/search-context.ts';
import { SearchNode, SearchRoute } from '../search/search-route.ts';

/** Client locations per vehicle, one array per vehicle (empty arrays for unused vehicles). */
export type Plan = number[][];
/** A place in a plan: index -1 is the route's start depot. */
export interface Place {
  route: number;
  index: number;
}
/** The plans a move may produce (two when an operator picks an orientation), or null when it does not apply. */
export type ExpectedMove = (plan: Plan, u: Place, v: Place) => Plan[] | null;

export const VARIANTS: Array<{ name: string; seed: number; options: RandomProblemOptions }> = [
  { name: 'capacity only, symmetric distances', seed: 11, options: { clients: 24 } },
  { name: 'time windows and route duration limits', seed: 12, options: { clients: 24, timeWindows: true } },
  {
    name: 'windows, pickups, mixed fleet from two depots, one-way distances',
    seed: 13,
    options: { clients: 24, depots: 2, timeWindows: true, pickups: true, mixedFleet: true, asymmetric: true },
  },
];

const EPSILON = 1e-6;
const NO_ANGLES = new Int32Array(0);

export interface Arrangement {
  routes: SearchRoute[];
  nodeAt(place: Place): SearchNode;
  nodeOf(location: number): SearchNode | null;
}

/** Search routes holding `plan`, updated under `penalties`. */
export function arrange(data: ProblemData, penalties: Penalties, plan: Plan): Arrangement {
  const routes: SearchRoute[] = [];
  data.vehicleTypes.forEach((type, typeIndex) => {
    for (let copy = 0; copy < type.count; copy += 1) routes.push(new SearchRoute(routes.length, typeIndex, data));
  });
  const byLocation = new Map<number, SearchNode>();
  plan.forEach((clients, index) => {
    const route = routes[index]!;
    const end = route.nodes.pop()!;
    for (const location of clients) {
      const node = new SearchNode(location, false, data.twEarly[location]!, data.twLate[location]!);
      byLocation.set(location, node);
      route.nodes.push(node);
    }
    route.nodes.push(end);
  });
  for (const route of routes) route.update(data, penalties, angles(data));
  return { routes, nodeAt: (place) => routes[place.route]!.nodes[place.index + 1]!, nodeOf: (location) => byLocation.get(location) ?? null };
}

function angles(data: ProblemData): Int32Array {
  return data.numLocations > 0 ? new Int32Array(data.numLocations) : NO_ANGLES;
}

export function readPlan(routes: SearchRoute[]): Plan {
  return routes.map((route) => route.nodes.slice(1, -1).map((node) => node.location));
}

export function planCost(data: ProblemData, penalties: Penalties, plan: Plan, routes: SearchRoute[]): number {
  const solution = { routes: plan.map((clients, index) => ({ vehicleType: routes[index]!.vehicleType, clients: clients.map((location) => location - data.numDepots) })) };
  return new Individual(data, solution).penalisedCost(penalties);
}

export function randomPlan(data: ProblemData, rng: Rng): Plan {
  const vehicles = data.numVehicles;
  const plan: Plan = Array.from({ length: vehicles }, () => []);
  // Leave one vehicle unused so moves into an empty route are exercised.
  const used = Math.max(1, vehicles - 1);
  for (let location = data.numDepots; location < data.numLocations; location += 1) plan[rng.nextInt(used)]!.push(location);
  for (const route of plan) rng.shuffle(route);
  return plan;
}

function randomPenalties(rng: Rng): Penalties {
  return { load: 0.5 + rng.nextFloat() * 20, timeWarp: 0.2 + rng.nextFloat() * 5 };
}

function randomPlaces(plan: Plan, rng: Rng): [Place, Place] {
  const filled = plan.map((route, index) => ({ route, index })).filter((entry) => entry.route.length > 0);
  const source = filled[rng.nextInt(filled.length)]!;
  const u = { route: source.index, index: rng.nextInt(source.route.length) };
  const roll = rng.nextFloat();
  if (roll < 0.15) return [u, { route: rng.nextInt(plan.length), index: -1 }];
  if (roll < 0.45) return [u, { route: u.route, index: rng.nextInt(plan[u.route]!.length) }];
  const target = filled[rng.nextInt(filled.length)]!;
  return [u, { route: target.index, index: rng.nextInt(target.route.length) }];
}

/** Registers the contract tests for one node operator. */
export function itFollowsTheNodeOperatorContract(make: (context: SearchContext) => NodeOperator, expected: ExpectedMove): void {
  for (const variant of VARIANTS) {
    it(`prices every move exactly as a plain recomputation does, and applies it as described (${variant.name})`, () => {
      const data = randomProblem(variant.seed, variant.options);
      const rng = new Rng(variant.seed);
      let applied = 0;
      for (let trial = 0; trial < 30; trial += 1) {
        const penalties = randomPenalties(rng);
        let plan = randomPlan(data, rng);
        let arrangement = arrange(data, penalties, plan);
        let operator = make(new SearchContext(data, penalties));
        for (let pair = 0; pair < 40; pair += 1) {
          const [u, v] = randomPlaces(plan, rng);
          const delta = operator.evaluate(arrangement.nodeAt(u), arrangement.nodeAt(v));
          const outcomes = expected(plan, u, v);
          if (!outcomes) {
            expect(delta).toBeGreaterThanOrEqual(-EPSILON);
            continue;
          }
          const before = planCost(data, penalties, plan, arrangement.routes);
          const brute = Math.min(...outcomes.map((outcome) => planCost(data, penalties, outcome, arrangement.routes))) - before;
          if (brute < -EPSILON) {
            expect(delta).toBeCloseTo(brute, 6);
          } else {
            // No false gain; a non-improving answer may be a lower bound.
            expect(delta).toBeGreaterThanOrEqual(-EPSILON);
            expect(delta).toBeLessThanOrEqual(brute + EPSILON);
          }
          if (delta < -EPSILON) {
            operator.apply(arrangement.nodeAt(u), arrangement.nodeAt(v));
            const result = readPlan(arrangement.routes);
            expect(outcomes).toContainEqual(result);
            expect(planCost(data, penalties, result, arrangement.routes) - before).toBeCloseTo(delta, 6);
            applied += 1;
            plan = result;
            arrangement = arrange(data, penalties, plan);
            operator = make(new SearchContext(data, penalties));
          }
        }
      }
      expect(applied).toBeGreaterThan(0);
    });
  }
}

/** Registers the contract tests for one route operator: exact gains, and clients neither lost nor duplicated. */
export function itFollowsTheRouteOperatorContract(make: (context: SearchContext, arrangement: Arrangement, data: ProblemData) => RouteOperator, label = ''): void {
  for (const variant of VARIANTS) {
    it(`prices applied moves exactly and keeps every client once${label} (${variant.name})`, () => {
      const data = randomProblem(variant.seed, variant.options);
      const rng = new Rng(variant.seed);
      let applied = 0;
      for (let trial = 0; trial < 30; trial += 1) {
        const penalties = randomPenalties(rng);
        const plan = randomPlan(data, rng);
        const arrangement = arrange(data, penalties, plan);
        const operator = make(new SearchContext(data, penalties), arrangement, data);
        for (let pair = 0; pair < 10; pair += 1) {
          const first = arrangement.routes[rng.nextInt(arrangement.routes.length)]!;
          const second = arrangement.routes[rng.nextInt(arrangement.routes.length)]!;
          const before = planCost(data, penalties, readPlan(arrangement.routes), arrangement.routes);
          const delta = operator.evaluate(first, second);
          if (delta >= -EPSILON) continue;
          operator.apply(first, second);
          for (const route of [first, second]) route.update(data, penalties, angles(data));
          const result = readPlan(arrangement.routes);
          expect(result.flat().sort((a, b) => a - b)).toEqual(plan.flat().sort((a, b) => a - b));
          expect(planCost(data, penalties, result, arrangement.routes) - before).toBeCloseTo(delta, 6);
          applied += 1;
        }
      }
      expect(applied).toBeGreaterThan(0);
    });
  }
}

/** A copy of `plan` with `run` taken out of route `from` (at `index`) and put into route `to` after `anchor` (a client, or null for the start). */
export function moveRun(plan: Plan, from: number, index: number, length: number, to: number, anchor: number | null, reversed = false): Plan {
  const result = plan.map((route) => route.slice());
  const run = result[from]!.splice(index, length);
  if (reversed) run.reverse();
  const at = anchor === null ? 0 : result[to]!.indexOf(anchor) + 1;
  result[to]!.splice(at, 0, ...run);
  return result;
}
