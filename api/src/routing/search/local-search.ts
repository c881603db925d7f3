import type { ProblemData } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { Solution } from '../solution.ts';
import { CrossExchange } from '../operators/cross-exchange.ts';
import { OrOpt } from '../operators/or-opt.ts';
import { Relocate } from '../operators/relocate.ts';
import { Swap } from '../operators/swap.ts';
import { SwapStar } from '../operators/swap-star.ts';
import { TwoOpt } from '../operators/two-opt.ts';
import { TwoOptStar } from '../operators/two-opt-star.ts';
import type { Penalties } from './penalties.ts';
import { SearchContext, type NodeOperator } from './search-context.ts';
import { SearchNode, SearchRoute, sectorsOverlap } from './search-route.ts';

/** Gains smaller than this are rounding noise, not improvements. */
const EPSILON = 1e-6;

export interface LocalSearchParameters {
  /** Use SWAP* between routes whose polar sectors overlap. */
  swapStar: boolean;
  /** Widen each sector by this many 1/65536 turns before testing overlap. */
  sectorTolerance: number;
}

export const DEFAULT_LOCAL_SEARCH: LocalSearchParameters = { swapStar: true, sectorTolerance: 0 };

/**
 * Granular local search in the style of HGS-CVRP: clients in random order, each tried against its
 * nearest clients with every node operator, first improvement applied at once; pairs whose routes
 * have not changed since they were last tried are skipped; then SWAP* over route pairs. Runs until
 * no operator improves the penalised cost.
 */
export class LocalSearch {
  private readonly context: SearchContext;
  private readonly penalties: Penalties = { load: 1, timeWarp: 1 };
  private readonly nodes: (SearchNode | null)[];
  private readonly routes: SearchRoute[];
  private readonly routesByType: SearchRoute[][];
  private readonly neighbours: Int32Array[];
  private readonly order: Int32Array;
  private readonly nodeOperators: NodeOperator[];
  private readonly emptyRouteOperators: NodeOperator[];
  private readonly swapStar: SwapStar | null;
  private readonly pivotX: number;
  private readonly pivotY: number;
  private moveCount = 0;

  constructor(
    private readonly data: ProblemData,
    neighbours: Int32Array[],
    private readonly rng: Rng,
    private readonly parameters: LocalSearchParameters = DEFAULT_LOCAL_SEARCH,
  ) {
    this.context = new SearchContext(data, this.penalties);
    this.neighbours = neighbours.map((list) => Int32Array.from(list));
    this.nodes = [];
    for (let location = 0; location < data.numLocations; location += 1) {
      this.nodes.push(location < data.numDepots ? null : new SearchNode(location, false, data.twEarly[location]!, data.twLate[location]!));
    }
    this.routes = [];
    this.routesByType = data.vehicleTypes.map(() => []);
    data.vehicleTypes.forEach((type, typeIndex) => {
      for (let copy = 0; copy < type.count; copy += 1) {
        const route = new SearchRoute(this.routes.length, typeIndex, data);
        this.routes.push(route);
        this.routesByType[typeIndex]!.push(route);
      }
    });
    this.order = new Int32Array(data.numClients);
    for (let client = 0; client < data.numClients; client += 1) this.order[client] = data.numDepots + client;
    const context = this.context;
    const relocate = new Relocate(context);
    const orOpt = new OrOpt(context, 2);
    const twoOptStar = new TwoOptStar(context);
    this.nodeOperators = [relocate, orOpt, new Swap(context), new CrossExchange(context, 2, 1), new CrossExchange(context, 2, 2), new TwoOpt(context), twoOptStar];
    this.emptyRouteOperators = [relocate, orOpt, twoOptStar];
    this.swapStar = parameters.swapStar ? new SwapStar(context) : null;
    let sumX = 0;
    let sumY = 0;
    for (let depot = 0; depot < data.numDepots; depot += 1) {
      sumX += data.x[depot]!;
      sumY += data.y[depot]!;
    }
    this.pivotX = sumX / data.numDepots;
    this.pivotY = sumY / data.numDepots;
  }

  /** Improves `solution` under `penalties` until no move gains; returns the local optimum. */
  search(solution: Solution, penalties: Penalties): Solution {
    this.setPenalties(penalties);
    this.load(solution);
    this.insertMissing();
    this.improve();
    return this.export();
  }

  /** Inserts the clients `solution` leaves out, each at its cheapest place near its neighbours. */
  repair(solution: Solution, penalties: Penalties): Solution {
    this.setPenalties(penalties);
    this.load(solution);
    this.insertMissing();
    return this.export();
  }

  private setPenalties(penalties: Penalties): void {
    this.penalties.load = penalties.load;
    this.penalties.timeWarp = penalties.timeWarp;
  }

  private insertMissing(): void {
    const missing: SearchNode[] = [];
    for (const node of this.nodes) if (node && node.route === null) missing.push(node);
    if (missing.length === 0) return;
    this.rng.shuffle(missing);
    const builder = this.context.first;
    for (const node of missing) {
      let bestDelta = Number.POSITIVE_INFINITY;
      let bestAfter: SearchNode | null = null;
      const consider = (after: SearchNode): void => {
        const route = after.route!;
        const delta = builder.startPrefix(after).appendClient(node.location).appendSuffix(route.nodes[after.index + 1]!).cost(route.type) - route.cost;
        if (delta < bestDelta) {
          bestDelta = delta;
          bestAfter = after;
        }
      };
      const list = this.neighbours[node.location]!;
      for (let k = 0; k < list.length; k += 1) {
        const neighbour = this.nodes[list[k]!]!;
        if (neighbour.route === null) continue;
        consider(neighbour);
        consider(neighbour.route.nodes[neighbour.index - 1]!);
      }
      for (const route of this.routes) if (!route.isEmpty()) consider(route.start);
      for (const routes of this.routesByType) {
        const empty = firstEmpty(routes);
        if (empty) consider(empty.start);
      }
      const after = bestAfter as SearchNode | null;
      if (!after) continue;
      const route = after.route!;
      route.nodes.splice(after.index + 1, 0, node);
      route.update(this.data, this.penalties, this.pivotX, this.pivotY);
    }
  }

  /** Penalised cost of the loaded solution under the current penalties. */
  penalisedCost(): number {
    let total = 0;
    for (const route of this.routes) total += route.cost;
    return total;
  }

  private improve(): void {
    const rng = this.rng;
    rng.shuffle(this.order);
    for (const list of this.neighbours) {
      if (list.length > 0 && rng.nextInt(list.length) === 0) rng.shuffle(list);
    }
    const routeOrder = this.routes.slice();
    rng.shuffle(routeOrder);
    this.moveCount = 0;
    for (const route of this.routes) {
      route.lastModified = 0;
      route.lastTestedSwapStar = -1;
    }
    for (const node of this.nodes) if (node) node.lastTested = -1;

    let completed = false;
    for (let loop = 0; !completed; loop += 1) {
      // The first two loops always run: moves into empty routes start on the second.
      if (loop > 1) completed = true;
      for (let position = 0; position < this.order.length; position += 1) {
        const u = this.nodes[this.order[position]!]!;
        const lastTested = u.lastTested;
        u.lastTested = this.moveCount;
        const list = this.neighbours[u.location]!;
        for (let k = 0; k < list.length; k += 1) {
          const v = this.nodes[list[k]!]!;
          if (loop > 0 && Math.max(u.route!.lastModified, v.route!.lastModified) <= lastTested) continue;
          if (this.applyFirst(this.nodeOperators, u, v)) {
            completed = false;
            continue;
          }
          if (v.index === 1 && this.applyFirst(this.nodeOperators, u, v.route!.start)) completed = false;
        }
        if (loop > 0) {
          for (const routes of this.routesByType) {
            const empty = firstEmpty(routes);
            if (empty && this.applyFirst(this.emptyRouteOperators, u, empty.start)) completed = false;
          }
        }
      }
      if (this.swapStar) {
        for (const routeU of routeOrder) {
          const lastTested = routeU.lastTestedSwapStar;
          routeU.lastTestedSwapStar = this.moveCount;
          if (routeU.isEmpty()) continue;
          for (const routeV of routeOrder) {
            if (routeV.id <= routeU.id || routeV.isEmpty()) continue;
            if (loop > 0 && Math.max(routeU.lastModified, routeV.lastModified) <= lastTested) continue;
            if (!sectorsOverlap(routeU, routeV, this.parameters.sectorTolerance)) continue;
            if (this.swapStar.evaluate(routeU, routeV) < -EPSILON) {
              this.swapStar.apply(routeU, routeV);
              this.afterMove(routeU, routeV);
              completed = false;
            }
          }
        }
      }
    }
  }

  private applyFirst(operators: NodeOperator[], u: SearchNode, v: SearchNode): boolean {
    for (let index = 0; index < operators.length; index += 1) {
      const operator = operators[index]!;
      if (operator.evaluate(u, v) < -EPSILON) {
        const routeU = u.route!;
        const routeV = v.route!;
        operator.apply(u, v);
        this.afterMove(routeU, routeV);
        return true;
      }
    }
    return false;
  }

  private afterMove(routeU: SearchRoute, routeV: SearchRoute): void {
    this.moveCount += 1;
    routeU.update(this.data, this.penalties, this.pivotX, this.pivotY);
    routeU.lastModified = this.moveCount;
    if (routeV !== routeU) {
      routeV.update(this.data, this.penalties, this.pivotX, this.pivotY);
      routeV.lastModified = this.moveCount;
    }
  }

  private load(solution: Solution): void {
    for (const route of this.routes) route.clear();
    for (const node of this.nodes) if (node) node.route = null;
    const used = new Uint8Array(this.routes.length);
    const nextFree = (type: number): SearchRoute | undefined => {
      const own = this.routesByType[type]?.find((route) => !used[route.id]);
      return own ?? this.routes.find((route) => !used[route.id]);
    };
    for (const planned of solution.routes) {
      if (planned.clients.length === 0) continue;
      let route = nextFree(planned.vehicleType);
      if (route) {
        used[route.id] = 1;
      } else {
        // More routes than vehicles: merge into the shortest route; the penalties push it apart again.
        route = this.routes.reduce((shortest, candidate) => (candidate.numClients < shortest.numClients ? candidate : shortest));
      }
      const end = route.nodes.pop()!;
      for (const client of planned.clients) route.nodes.push(this.nodes[this.data.numDepots + client]!);
      route.nodes.push(end);
    }
    for (const route of this.routes) route.update(this.data, this.penalties, this.pivotX, this.pivotY);
  }

  private export(): Solution {
    const numDepots = this.data.numDepots;
    const routes = [];
    for (const route of this.routes) {
      if (route.isEmpty()) continue;
      const clients: number[] = [];
      for (let index = 1; index < route.nodes.length - 1; index += 1) clients.push(route.nodes[index]!.location - numDepots);
      routes.push({ vehicleType: route.vehicleType, clients });
    }
    return { routes };
  }
}

function firstEmpty(routes: SearchRoute[]): SearchRoute | undefined {
  for (let index = 0; index < routes.length; index += 1) if (routes[index]!.isEmpty()) return routes[index];
  return undefined;
}
