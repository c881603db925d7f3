import type { Urgency } from '@terep/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from '../../planning/exact/highs-solver.ts';
import type { MilpSolver } from '../../planning/exact/milp-solver.ts';
import { allocate, type AllocationProblem, type AllocationRequest } from './allocate.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** A small deterministic generator (mulberry32), so every case can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANK: Record<Urgency, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * The independent formulation: every whole-number allocation enumerated, each judged by the issue's
 * words (served quantity of each priority, most urgent and earliest needed-by first, compared in
 * that order; then transport), the best one's judgement answered.
 */
function bruteForce(problem: AllocationProblem): { servedByPriority: number[]; transport: number } {
  const priorities = [...new Set(problem.requests.map((request) => `${RANK[request.urgency]}|${request.neededBy ?? '~'}`))].sort();
  const pairs: { w: number; r: number; km: number }[] = [];
  const warehouses = [...new Set(problem.supplies.map((supply) => supply.warehouse))];
  problem.requests.forEach((request, r) => {
    for (const w of warehouses) {
      const km = problem.distanceKm[w * problem.places + request.place]!;
      if (Number.isFinite(km) && problem.supplies.some((supply) => supply.warehouse === w && supply.item === request.item)) pairs.push({ w, r, km });
    }
  });
  const supplyLeft = new Map(problem.supplies.map((supply) => [`${supply.warehouse}|${supply.item}`, supply.quantity]));
  const demandLeft = problem.requests.map((request) => request.quantity);
  let best: { servedByPriority: number[]; transport: number } | null = null;
  const better = (a: { servedByPriority: number[]; transport: number }, b: typeof a | null) => {
    if (!b) return true;
    for (let k = 0; k < a.servedByPriority.length; k += 1) if (a.servedByPriority[k] !== b.servedByPriority[k]) return a.servedByPriority[k]! > b.servedByPriority[k]!;
    return a.transport < b.transport - 1e-9;
  };
  const chosen = new Array<number>(pairs.length).fill(0);
  const visit = (index: number) => {
    if (index === pairs.length) {
      const servedByPriority = priorities.map(() => 0);
      let transport = 0;
      pairs.forEach((pair, k) => {
        const request = problem.requests[pair.r]!;
        servedByPriority[priorities.indexOf(`${RANK[request.urgency]}|${request.neededBy ?? '~'}`)]! += chosen[k]!;
        transport += chosen[k]! * pair.km;
      });
      const judged = { servedByPriority, transport };
      if (better(judged, best)) best = judged;
      return;
    }
    const pair = pairs[index]!;
    const key = `${pair.w}|${problem.requests[pair.r]!.item}`;
    const most = Math.min(supplyLeft.get(key)!, demandLeft[pair.r]!);
    for (let units = 0; units <= most; units += 1) {
      chosen[index] = units;
      supplyLeft.set(key, supplyLeft.get(key)! - units);
      demandLeft[pair.r]! -= units;
      visit(index + 1);
      supplyLeft.set(key, supplyLeft.get(key)! + units);
      demandLeft[pair.r]! += units;
    }
    chosen[index] = 0;
  };
  visit(0);
  return best!;
}

/** The same judgement of an allocation the algorithm answered. */
function judge(problem: AllocationProblem, outcome: ReturnType<typeof allocate>): { servedByPriority: number[]; transport: number } {
  const priorities = [...new Set(problem.requests.map((request) => `${RANK[request.urgency]}|${request.neededBy ?? '~'}`))].sort();
  const servedByPriority = priorities.map(() => 0);
  for (const assignment of outcome.assignments) {
    const request = problem.requests[assignment.request]!;
    servedByPriority[priorities.indexOf(`${RANK[request.urgency]}|${request.neededBy ?? '~'}`)]! += assignment.quantity;
  }
  return { servedByPriority, transport: outcome.transport };
}

/** The answer respects stock and requests: no warehouse gives more than it has, no request gets more than it asked. */
function expectFeasible(problem: AllocationProblem, outcome: ReturnType<typeof allocate>): void {
  const given = new Map<string, number>();
  const got = new Map<number, number>();
  for (const assignment of outcome.assignments) {
    const request = problem.requests[assignment.request]!;
    expect(Number.isFinite(problem.distanceKm[assignment.warehouse * problem.places + request.place]!)).toBe(true);
    given.set(`${assignment.warehouse}|${request.item}`, (given.get(`${assignment.warehouse}|${request.item}`) ?? 0) + assignment.quantity);
    got.set(assignment.request, (got.get(assignment.request) ?? 0) + assignment.quantity);
  }
  for (const [key, quantity] of given) {
    const stock = problem.supplies.filter((supply) => `${supply.warehouse}|${supply.item}` === key).reduce((sum, supply) => sum + supply.quantity, 0);
    expect(quantity).toBeLessThanOrEqual(stock);
  }
  problem.requests.forEach((request, r) => {
    const unmet = outcome.unmet.filter((row) => row.request === r).reduce((sum, row) => sum + row.quantity, 0);
    expect((got.get(r) ?? 0) + unmet).toBeCloseTo(request.quantity, 9);
  });
}

function randomProblem(seed: number): AllocationProblem {
  const next = random(seed);
  const whole = (most: number) => Math.floor(next() * (most + 1));
  const warehouses = 2 + whole(1);
  const places = 4;
  const items = ['food-parcel', 'school-kit'].slice(0, 1 + whole(1));
  const urgencies: Urgency[] = ['critical', 'high', 'medium', 'low'];
  const dates = ['2026-12-10', '2026-12-20', null];
  const requests: AllocationRequest[] = Array.from({ length: 3 + whole(1) }, (_, id) => ({
    id, item: items[whole(items.length - 1)]!, quantity: 1 + whole(2), urgency: urgencies[whole(3)]!, neededBy: dates[whole(2)]!, place: whole(places - 1),
  }));
  const supplies = Array.from({ length: warehouses }, (_, warehouse) => items.map((item) => ({ warehouse, item, quantity: whole(3) }))).flat();
  const distanceKm = Float64Array.from({ length: warehouses * places }, () => (next() < 0.15 ? Infinity : 1 + whole(60)));
  return { requests, supplies, distanceKm, places };
}

describe('the donation allocation', () => {
  it('serves critical before high even from farther away, and the nearer stock first among equals', () => {
    // Warehouse 0 is near place 0, warehouse 1 near place 1; 3 parcels in all, 4 asked.
    const problem: AllocationProblem = {
      places: 2,
      distanceKm: Float64Array.from([5, 80, 90, 10]),
      supplies: [{ warehouse: 0, item: 'food-parcel', quantity: 2 }, { warehouse: 1, item: 'food-parcel', quantity: 1 }],
      requests: [
        { id: 10, item: 'food-parcel', quantity: 2, urgency: 'high', neededBy: null, place: 0 },
        { id: 11, item: 'food-parcel', quantity: 2, urgency: 'critical', neededBy: null, place: 1 },
      ],
    };
    const outcome = allocate(problem, solver);
    expect(outcome.servedByUrgency).toEqual({ critical: 2, high: 1, medium: 0, low: 0 });
    // The critical request takes warehouse 1's parcel (10 km) and one of warehouse 0's (80 km); the high one gets the last, near it.
    expect(outcome.assignments.sort((a, b) => a.request - b.request || a.warehouse - b.warehouse)).toEqual([
      { request: 0, warehouse: 0, quantity: 1, distanceKm: 5 },
      { request: 1, warehouse: 0, quantity: 1, distanceKm: 80 },
      { request: 1, warehouse: 1, quantity: 1, distanceKm: 10 },
    ]);
    expect(outcome.unmet).toEqual([{ request: 0, quantity: 1, reason: 'no-stock' }]);
    expect(outcome.transport).toBe(95);
  });

  it('serves the earlier needed-by date first within an urgency, and names unreachable requests', () => {
    const problem: AllocationProblem = {
      places: 3,
      distanceKm: Float64Array.from([50, 5, Infinity]),
      supplies: [{ warehouse: 0, item: 'firewood', quantity: 2.5 }],
      requests: [
        { id: 1, item: 'firewood', quantity: 2, urgency: 'medium', neededBy: '2026-12-20', place: 1 },
        { id: 2, item: 'firewood', quantity: 1.5, urgency: 'medium', neededBy: '2026-12-10', place: 0 },
        { id: 3, item: 'firewood', quantity: 1, urgency: 'critical', neededBy: null, place: 2 },
      ],
    };
    const outcome = allocate(problem, solver);
    expect(outcome.assignments).toEqual([
      { request: 0, warehouse: 0, quantity: 1, distanceKm: 5 },
      { request: 1, warehouse: 0, quantity: 1.5, distanceKm: 50 },
    ]);
    expect(outcome.unmet).toEqual([{ request: 0, quantity: 1, reason: 'no-stock' }, { request: 2, quantity: 1, reason: 'unreachable' }]);
    expect(outcome.served).toBe(2.5);
    expect(outcome.requested).toBe(4.5);
  });

  it('is optimal on small random cases against enumerating every whole-number allocation', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const problem = randomProblem(seed);
      const outcome = allocate(problem, solver);
      expectFeasible(problem, outcome);
      const expected = bruteForce(problem);
      const got = judge(problem, outcome);
      expect(got.servedByPriority, `seed ${seed}`).toEqual(expected.servedByPriority);
      expect(got.transport, `seed ${seed}`).toBeCloseTo(expected.transport, 6);
    }
  });
});
