import type { Urgency } from '@terep/db';
import { MilpBuilder } from '../../planning/exact/milp-model.ts';
import type { MilpSolver } from '../../planning/exact/milp-solver.ts';

/**
 * The allocation of donated stock to requests, solved exactly. Pure: ids and matrices in, the
 * assignment out; no database, no HTTP, no clock.
 *
 * Objectives, lexicographically: first serve as much as possible by priority (every unit of a
 * critical request before any of a high one, and so on down to low; within an urgency, earlier
 * needed-by first, no date last), then, among the allocations that serve exactly that much of each
 * priority, the least transport (Σ distance × quantity).
 *
 * Items never substitute for each other, so each item is its own problem. Its first objective is
 * solved by augmenting paths: the sets of request units that warehouses can serve together form a
 * matroid (a gammoid of the bipartite supply graph), so taking the priority classes in order and
 * pushing as much flow as possible into each, without taking any from the classes before, reaches
 * the lexicographic maximum. The second objective is then a linear programme over the same graph
 * with each class's served total fixed, solved by HiGHS's simplex. Its constraint matrix is totally
 * unimodular (warehouse rows on one side; request rows and class rows, a laminar family, on the
 * other), so a vertex solution is whole in the thousandths the quantities are kept in.
 */
export interface AllocationRequest {
  id: number;
  item: string;
  quantity: number;
  urgency: Urgency;
  /** YYYY-MM-DD or null. */
  neededBy: string | null;
  /** Column of `distanceKm` for this request's place. */
  place: number;
}

export interface AllocationSupply {
  /** Row of `distanceKm` for this warehouse. */
  warehouse: number;
  item: string;
  quantity: number;
}

export interface AllocationProblem {
  requests: readonly AllocationRequest[];
  supplies: readonly AllocationSupply[];
  /** Warehouses × places, row-major: kilometres, Infinity where no road leads. */
  distanceKm: Float64Array;
  places: number;
}

export interface PlannedAssignment {
  /** Index into `requests`. */
  request: number;
  warehouse: number;
  quantity: number;
  distanceKm: number;
}

export interface PlannedUnmet {
  request: number;
  quantity: number;
  reason: 'no-stock' | 'unreachable';
}

export interface AllocationOutcome {
  assignments: PlannedAssignment[];
  unmet: PlannedUnmet[];
  served: number;
  requested: number;
  servedByUrgency: Record<Urgency, number>;
  transport: number;
}

/** Most urgent first. */
export const URGENCY_ORDER: readonly Urgency[] = ['critical', 'high', 'medium', 'low'];

/** Quantities are kept in thousandths (numeric(14,3)); the algorithm counts whole thousandths. */
const SCALE = 1000;
const toUnits = (quantity: number) => Math.round(quantity * SCALE);
const fromUnits = (units: number) => units / SCALE;

/** Priority classes in order: requests of the same urgency and needed-by date share one. */
export function priorityClasses(requests: readonly Pick<AllocationRequest, 'urgency' | 'neededBy'>[], members: readonly number[]): number[][] {
  const key = (r: number) => `${URGENCY_ORDER.indexOf(requests[r]!.urgency)}|${requests[r]!.neededBy ?? '9999-99-99'}`;
  const sorted = [...members].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b));
  const classes: number[][] = [];
  for (const r of sorted) {
    const last = classes.at(-1);
    if (last && key(last[0]!) === key(r)) last.push(r);
    else classes.push([r]);
  }
  return classes;
}

/** One item's problem: its warehouses' supply and its requests, with the reachable pairs. */
interface ItemProblem {
  warehouses: number[];
  supply: number[];
  requests: number[];
  demand: number[];
  /** reach[r][k]: request r's k-th reachable warehouse (index into `warehouses`). */
  reach: number[][];
  distance: (w: number, r: number) => number;
}

/**
 * The served total of each priority class, lexicographically greatest: augmenting paths from
 * warehouses with supply left to requests of the class, through requests already served (whose
 * warehouse may change, never their served quantity).
 */
export function servedByClass(problem: ItemProblem, classes: readonly number[][]): number[] {
  const W = problem.warehouses.length;
  const R = problem.requests.length;
  const supplyLeft = [...problem.supply];
  const demandLeft = new Array<number>(R).fill(0);
  const active = new Array<boolean>(R).fill(false);
  // flow[r] maps warehouse → units sent to r.
  const flow: Map<number, number>[] = Array.from({ length: R }, () => new Map());
  // Warehouses each request is reachable from, and requests each warehouse reaches.
  const reachedBy: number[][] = Array.from({ length: W }, () => []);
  problem.reach.forEach((warehouses, r) => warehouses.forEach((w) => reachedBy[w]!.push(r)));

  const augment = (): boolean => {
    // Breadth-first from every warehouse with supply left; nodes are warehouses (w) and requests (W + r).
    const parent = new Int32Array(W + R).fill(-2);
    const queue: number[] = [];
    for (let w = 0; w < W; w += 1) {
      if (supplyLeft[w]! > 0) {
        parent[w] = -1;
        queue.push(w);
      }
    }
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head]!;
      if (node < W) {
        for (const r of reachedBy[node]!) {
          if (!active[r] || parent[W + r] !== -2) continue;
          parent[W + r] = node;
          if (demandLeft[r]! > 0) return push(parent, r);
          queue.push(W + r);
        }
      } else {
        for (const [w, units] of flow[node - W]!) {
          if (units > 0 && parent[w] === -2) {
            parent[w] = node;
            queue.push(w);
          }
        }
      }
    }
    return false;
  };

  const push = (parent: Int32Array, end: number): boolean => {
    // The bottleneck along the path: the end's demand, each reverse edge's flow, the start's supply.
    let bottleneck = demandLeft[end]!;
    let r = end;
    for (;;) {
      const w = parent[W + r]!;
      const back = parent[w]!;
      if (back === -1) {
        bottleneck = Math.min(bottleneck, supplyLeft[w]!);
        break;
      }
      const previous = back - W;
      bottleneck = Math.min(bottleneck, flow[previous]!.get(w)!);
      r = previous;
    }
    r = end;
    demandLeft[end]! -= bottleneck;
    for (;;) {
      const w = parent[W + r]!;
      flow[r]!.set(w, (flow[r]!.get(w) ?? 0) + bottleneck);
      const back = parent[w]!;
      if (back === -1) {
        supplyLeft[w]! -= bottleneck;
        break;
      }
      const previous = back - W;
      flow[previous]!.set(w, flow[previous]!.get(w)! - bottleneck);
      r = previous;
    }
    return true;
  };

  return classes.map((members) => {
    for (const r of members) {
      active[r] = true;
      demandLeft[r] = problem.demand[r]!;
    }
    while (augment());
    return members.reduce((sum, r) => sum + problem.demand[r]! - demandLeft[r]!, 0);
  });
}

/** Least transport with each class's served total fixed: a linear programme for HiGHS. Answers units per (warehouse, request). */
function leastTransport(problem: ItemProblem, classes: readonly number[][], served: readonly number[], solver: MilpSolver): Map<string, number> {
  const model = new MilpBuilder('minimize');
  const byWarehouse: number[][] = problem.warehouses.map(() => []);
  const byRequest: number[][] = problem.requests.map(() => []);
  const pairs: [number, number][] = [];
  problem.reach.forEach((warehouses, r) => {
    for (const w of warehouses) {
      const column = model.addColumn(`x${w}_${r}`, problem.distance(w, r), 0, Math.min(problem.supply[w]!, problem.demand[r]!));
      byWarehouse[w]!.push(column);
      byRequest[r]!.push(column);
      pairs.push([w, r]);
    }
  });
  const result = new Map<string, number>();
  if (pairs.length === 0) return result;
  byWarehouse.forEach((columns, w) => {
    if (columns.length > 0) model.addRow(`supply${w}`, columns, columns.map(() => 1), 0, problem.supply[w]!);
  });
  byRequest.forEach((columns, r) => {
    if (columns.length > 0) model.addRow(`demand${r}`, columns, columns.map(() => 1), 0, problem.demand[r]!);
  });
  classes.forEach((members, t) => {
    const columns = members.flatMap((r) => byRequest[r]!);
    if (columns.length > 0) model.addRow(`class${t}`, columns, columns.map(() => 1), served[t]!, served[t]!);
  });
  const solution = solver.solve(model.build());
  if (solution.status !== 'optimal' || !solution.values) throw new Error(`the allocation's transport programme was not solved to optimality (${solution.status})`);
  const classServed = new Array<number>(classes.length).fill(0);
  const classOf = new Map(classes.flatMap((members, t) => members.map((r) => [r, t] as const)));
  pairs.forEach(([w, r], column) => {
    const units = Math.round(solution.values![column]!);
    if (units <= 0) return;
    result.set(`${w}|${r}`, units);
    classServed[classOf.get(r)!]! += units;
  });
  // A vertex of a totally unimodular programme is whole; rounding must not have moved it.
  if (classServed.some((units, t) => units !== served[t])) throw new Error('the transport programme answered a fractional allocation');
  return result;
}

/** Solves the allocation exactly (see the module comment). */
export function allocate(problem: AllocationProblem, solver: MilpSolver): AllocationOutcome {
  const distance = (w: number, place: number) => problem.distanceKm[w * problem.places + place]!;
  const items = [...new Set(problem.requests.map((request) => request.item))].sort();
  const assignments: PlannedAssignment[] = [];
  const unmet: PlannedUnmet[] = [];
  // Sums in whole thousandths, so that they stay exact.
  const servedUnits: Record<Urgency, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  let requestedUnits = 0;
  let transport = 0;
  for (const item of items) {
    const stock = new Map<number, number>();
    for (const supply of problem.supplies) {
      if (supply.item === item && supply.quantity > 0) stock.set(supply.warehouse, (stock.get(supply.warehouse) ?? 0) + toUnits(supply.quantity));
    }
    const warehouses = [...stock.keys()].sort((a, b) => a - b);
    const members = problem.requests.flatMap((request, index) => (request.item === item ? [index] : []));
    const itemProblem: ItemProblem = {
      warehouses,
      supply: warehouses.map((w) => stock.get(w)!),
      requests: members,
      demand: members.map((r) => toUnits(problem.requests[r]!.quantity)),
      reach: members.map((r) => warehouses.flatMap((w, k) => (Number.isFinite(distance(w, problem.requests[r]!.place)) ? [k] : []))),
      distance: (k, local) => distance(warehouses[k]!, problem.requests[members[local]!]!.place),
    };
    const localOf = new Map(members.map((r, local) => [r, local]));
    const classes = priorityClasses(problem.requests, members).map((group) => group.map((r) => localOf.get(r)!));
    const served = servedByClass(itemProblem, classes);
    const units = leastTransport(itemProblem, classes, served, solver);
    members.forEach((r, local) => {
      const request = problem.requests[r]!;
      let got = 0;
      itemProblem.reach[local]!.forEach((k) => {
        const sent = units.get(`${k}|${local}`) ?? 0;
        if (sent === 0) return;
        const km = itemProblem.distance(k, local);
        assignments.push({ request: r, warehouse: warehouses[k]!, quantity: fromUnits(sent), distanceKm: km });
        transport += km * fromUnits(sent);
        got += sent;
      });
      requestedUnits += itemProblem.demand[local]!;
      servedUnits[request.urgency] += got;
      const left = itemProblem.demand[local]! - got;
      if (left > 0) unmet.push({ request: r, quantity: fromUnits(left), reason: itemProblem.reach[local]!.length === 0 && warehouses.length > 0 ? 'unreachable' : 'no-stock' });
    });
  }
  const servedByUrgency = Object.fromEntries(URGENCY_ORDER.map((urgency) => [urgency, fromUnits(servedUnits[urgency])])) as Record<Urgency, number>;
  const served = fromUnits(URGENCY_ORDER.reduce((sum, urgency) => sum + servedUnits[urgency], 0));
  return { assignments, unmet, served, requested: fromUnits(requestedUnits), servedByUrgency, transport };
}
