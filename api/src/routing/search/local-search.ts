import type { ProblemData } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { Solution, SolutionRoute } from '../solution.ts';
import { CrossExchange } from '../operators/cross-exchange.ts';
import { OrOpt } from '../operators/or-opt.ts';
import { Relocate } from '../operators/relocate.ts';
import { Swap } from '../operators/swap.ts';
import { SwapStar } from '../operators/swap-star.ts';
import { TwoOpt } from '../operators/two-opt.ts';
import { TwoOptStar } from '../operators/two-opt-star.ts';
import type { Penalties } from './penalties.ts';
import { SearchContext, type NodeOperator } from './search-context.ts';
import { polarAngle, SearchNode, SearchRoute, sectorsOverlap } from './search-route.ts';

/** Gains smaller than this are rounding noise, not improvements. */
const EPSILON = 1e-6;
const NO_NEIGHBOURS = new Int32Array(0);

export interface LocalSearchParameters {
  /** Use SWAP* between routes whose polar sectors overlap and that hold granular neighbours of each other. */
  swapStar: boolean;
  /** Let SWAP* insert a client only next to its granular neighbours (else at every position). */
  granularSwapStar: boolean;
  /** Widen each sector by this many 1/65536 turns before testing overlap. */
  sectorTolerance: number;
}

export const DEFAULT_LOCAL_SEARCH: LocalSearchParameters = { swapStar: true, granularSwapStar: false, sectorTolerance: 0 };

/**
 * Granular local search in the style of HGS-CVRP: clients in random order, each tried against its
 * nearest clients with every node operator, first improvement applied at once; pairs whose routes
 * have not changed since they were last tried are skipped; then SWAP* over nearby route pairs. Runs until
 * no operator improves the penalised cost.
 */
export class LocalSearch {
  private readonly context: SearchContext;
  private readonly penalties: Penalties = { load: 1, timeWarp: 1 };
  private readonly nodes: (SearchNode | null)[];
  private readonly routes: SearchRoute[];
  private readonly routesByType: SearchRoute[][];
  private readonly routeOrder: SearchRoute[];
  /** Per route: the parent (1, 2, ...) of the settled route it holds, untouched since; 0 otherwise. */
  private readonly settled: Uint8Array;
  private readonly neighbours: Int32Array[];
  private readonly order: Int32Array;
  private readonly relocate: Relocate;
  private readonly orOpt: OrOpt;
  private readonly swap: Swap;
  private readonly crossTwoOne: CrossExchange;
  private readonly crossTwoTwo: CrossExchange;
  private readonly twoOpt: TwoOpt;
  private readonly twoOptStar: TwoOptStar;
  private readonly swapStar: SwapStar | null;
  /** Polar angle of every location around the depots' centre, in 1/65536 turns (for SWAP* sectors). */
  private readonly angles: Int32Array;
  /** Per vehicle type: its first empty route (null: none), as of move count `emptyFoundAt`. */
  private readonly emptyOfType: (SearchRoute | null)[];
  private readonly emptyFoundAt: Float64Array;
  /** Per client: the clients that have it among their granular neighbours. */
  private readonly reverseNeighbours: Int32Array[];
  /** Per route: equal to `nearStamp` when it is near `nearRoute` (as of move count `nearAt`). */
  private readonly nearMark: Float64Array;
  private nearStamp = 0;
  private nearRoute: SearchRoute | null = null;
  private nearAt = -1;
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
    this.routeOrder = this.routes.slice();
    this.settled = new Uint8Array(this.routes.length);
    this.emptyOfType = data.vehicleTypes.map(() => null);
    this.emptyFoundAt = new Float64Array(data.vehicleTypes.length);
    this.nearMark = new Float64Array(this.routes.length);
    const reverse: number[][] = this.neighbours.map(() => []);
    this.neighbours.forEach((list, location) => {
      for (const neighbour of list) reverse[neighbour]!.push(location);
    });
    this.reverseNeighbours = reverse.map((list) => Int32Array.from(list));
    this.order = new Int32Array(data.numClients);
    for (let client = 0; client < data.numClients; client += 1) this.order[client] = data.numDepots + client;
    const context = this.context;
    this.relocate = new Relocate(context);
    this.orOpt = new OrOpt(context, 2);
    this.swap = new Swap(context);
    this.crossTwoOne = new CrossExchange(context, 2, 1);
    this.crossTwoTwo = new CrossExchange(context, 2, 2);
    this.twoOpt = new TwoOpt(context);
    this.twoOptStar = new TwoOptStar(context);
    const candidates = parameters.granularSwapStar ? { neighbours: this.neighbours, nodeAt: (location: number) => this.nodes[location] ?? null } : undefined;
    this.swapStar = parameters.swapStar ? new SwapStar(context, this.routes.length, candidates) : null;
    let sumX = 0;
    let sumY = 0;
    for (let depot = 0; depot < data.numDepots; depot += 1) {
      sumX += data.x[depot]!;
      sumY += data.y[depot]!;
    }
    const pivotX = sumX / data.numDepots;
    const pivotY = sumY / data.numDepots;
    this.angles = new Int32Array(data.numLocations);
    for (let location = 0; location < data.numLocations; location += 1) {
      this.angles[location] = polarAngle(data.x[location]! - pivotX, data.y[location]! - pivotY);
    }
  }

  /**
   * Improves `solution` under `penalties` until no move gains; returns the local optimum.
   * Routes in `settled` come unchanged from a local optimum (a crossover parent, numbered by the
   * map's value): moves between two routes of the same parent were tried there, so they are only
   * tried again once one of the two changes.
   */
  search(solution: Solution, penalties: Penalties, settled?: ReadonlyMap<SolutionRoute, number>): Solution {
    this.setPenalties(penalties);
    this.load(solution, settled);
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
      this.settled[route.id] = 0;
      route.nodes.splice(after.index + 1, 0, node);
      route.update(this.data, this.penalties, this.angles);
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
    rng.shuffle(this.routeOrder);
    this.moveCount = 0;
    // Everything counts as changed after the last test (-1), except settled routes.
    for (const route of this.routes) {
      route.lastModified = this.settled[route.id] ? -1 : 0;
      route.lastTestedSwapStar = -1;
    }
    for (const node of this.nodes) if (node) node.lastTested = -1;
    this.nearRoute = null;
    this.emptyFoundAt.fill(-1);

    let first = true;
    for (;;) {
      this.searchNodes(first);
      if (!this.swapStar || !this.searchRoutes()) break;
      first = false;
    }
  }

  /** Node operators over granular neighbourhoods until none improves. */
  private searchNodes(first: boolean): void {
    let completed = false;
    for (let loop = 0; !completed; loop += 1) {
      // The first two loops always run: moves into empty routes start on the second.
      if (loop > 1) completed = true;
      for (let position = 0; position < this.order.length; position += 1) {
        const u = this.nodes[this.order[position]!]!;
        const lastTested = u.lastTested;
        u.lastTested = this.moveCount;
        // No move since u was last tested: every pair below would be skipped, so skip them at once.
        const list = lastTested >= 0 && lastTested === this.moveCount ? NO_NEIGHBOURS : this.neighbours[u.location]!;
        for (let k = 0; k < list.length; k += 1) {
          const v = this.nodes[list[k]!]!;
          if (Math.max(u.route!.lastModified, v.route!.lastModified) <= lastTested && (lastTested >= 0 || this.sameParent(u.route!, v.route!))) continue;
          if (this.applyNodeMoves(u, v)) {
            completed = false;
            continue;
          }
          if (v.index === 1 && this.applyNodeMoves(u, v.route!.start)) completed = false;
        }
        if (loop > 0 || !first) {
          for (let type = 0; type < this.routesByType.length; type += 1) {
            const empty = this.firstEmptyOfType(type);
            if (empty && this.applyEmptyRouteMoves(u, empty.start)) completed = false;
          }
        }
      }
    }
  }

  /** SWAP* over pairs of routes with overlapping sectors, at least one changed since last tried. */
  private searchRoutes(): boolean {
    const swapStar = this.swapStar!;
    let improved = false;
    for (const routeU of this.routeOrder) {
      const lastTested = routeU.lastTestedSwapStar;
      routeU.lastTestedSwapStar = this.moveCount;
      if (routeU.isEmpty()) continue;
      for (const routeV of this.routeOrder) {
        if (routeV.id <= routeU.id || routeV.isEmpty()) continue;
        if (Math.max(routeU.lastModified, routeV.lastModified) <= lastTested && (lastTested >= 0 || this.sameParent(routeU, routeV))) continue;
        if (!sectorsOverlap(routeU, routeV, this.parameters.sectorTolerance)) continue;
        // Polar sectors overlap for routes far apart on the same ray (an off-centre depot makes
        // that common); a route whose clients have none of the other's among their granular
        // neighbours could only take them at a far place, so SWAP* is not tried there (on
        // X-n1001-k43 SWAP*'s share of the run fell from 40% to 26%).
        if (!this.isNear(routeU, routeV)) continue;
        if (swapStar.evaluate(routeU, routeV) < -EPSILON) {
          swapStar.apply(routeU, routeV);
          this.afterMove(routeU, routeV);
          improved = true;
        }
      }
    }
    return improved;
  }

  /**
   * Routes only empty or fill through moves, so the scan over a type's routes (every client asks,
   * every loop) is redone only after a move.
   */
  private firstEmptyOfType(type: number): SearchRoute | null {
    if (this.emptyFoundAt[type] !== this.moveCount) {
      this.emptyFoundAt[type] = this.moveCount;
      this.emptyOfType[type] = firstEmpty(this.routesByType[type]!) ?? null;
    }
    return this.emptyOfType[type] ?? null;
  }

  /**
   * Whether a client of one route has a client of the other among its granular neighbours. The
   * routes near `first` are marked in one pass over its clients' neighbours and reverse neighbours,
   * redone only when `first` or the move count changes (memory stays linear in the fleet).
   */
  private isNear(first: SearchRoute, second: SearchRoute): boolean {
    if (this.nearRoute !== first || this.nearAt !== this.moveCount) {
      this.nearRoute = first;
      this.nearAt = this.moveCount;
      this.nearStamp += 1;
      const nodes = first.nodes;
      for (let index = 1; index < nodes.length - 1; index += 1) {
        const location = nodes[index]!.location;
        this.markRoutesOf(this.neighbours[location]!);
        this.markRoutesOf(this.reverseNeighbours[location]!);
      }
    }
    return this.nearMark[second.id] === this.nearStamp;
  }

  private markRoutesOf(locations: Int32Array): void {
    for (let k = 0; k < locations.length; k += 1) {
      const route = this.nodes[locations[k]!]!.route;
      if (route) this.nearMark[route.id] = this.nearStamp;
    }
  }

  /** Both routes unchanged since loading and taken from the same parent (only then -1 <= -1 means "tested"). */
  private sameParent(first: SearchRoute, second: SearchRoute): boolean {
    return this.settled[first.id] === this.settled[second.id];
  }

  // Each operator is called at its own site (not through an array) so every call stays monomorphic.
  private applyNodeMoves(u: SearchNode, v: SearchNode): boolean {
    if (this.relocate.evaluate(u, v) < -EPSILON) return this.applied(this.relocate, u, v);
    if (this.orOpt.evaluate(u, v) < -EPSILON) return this.applied(this.orOpt, u, v);
    if (this.swap.evaluate(u, v) < -EPSILON) return this.applied(this.swap, u, v);
    if (this.crossTwoOne.evaluate(u, v) < -EPSILON) return this.applied(this.crossTwoOne, u, v);
    if (this.crossTwoTwo.evaluate(u, v) < -EPSILON) return this.applied(this.crossTwoTwo, u, v);
    if (this.twoOpt.evaluate(u, v) < -EPSILON) return this.applied(this.twoOpt, u, v);
    if (this.twoOptStar.evaluate(u, v) < -EPSILON) return this.applied(this.twoOptStar, u, v);
    return false;
  }

  private applyEmptyRouteMoves(u: SearchNode, depot: SearchNode): boolean {
    if (this.relocate.evaluate(u, depot) < -EPSILON) return this.applied(this.relocate, u, depot);
    if (this.orOpt.evaluate(u, depot) < -EPSILON) return this.applied(this.orOpt, u, depot);
    if (this.twoOptStar.evaluate(u, depot) < -EPSILON) return this.applied(this.twoOptStar, u, depot);
    return false;
  }

  private applied(operator: NodeOperator, u: SearchNode, v: SearchNode): boolean {
    const routeU = u.route!;
    const routeV = v.route!;
    operator.apply(u, v);
    this.afterMove(routeU, routeV);
    return true;
  }

  private afterMove(routeU: SearchRoute, routeV: SearchRoute): void {
    this.moveCount += 1;
    routeU.update(this.data, this.penalties, this.angles);
    routeU.lastModified = this.moveCount;
    if (routeV !== routeU) {
      routeV.update(this.data, this.penalties, this.angles);
      routeV.lastModified = this.moveCount;
    }
  }

  private load(solution: Solution, settled?: ReadonlyMap<SolutionRoute, number>): void {
    this.settled.fill(0);
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
        this.settled[route.id] = settled?.get(planned) ?? 0;
      } else {
        // More routes than vehicles: merge into the shortest route; the penalties push it apart again.
        route = this.routes.reduce((shortest, candidate) => (candidate.numClients < shortest.numClients ? candidate : shortest));
        this.settled[route.id] = 0;
      }
      const end = route.nodes.pop()!;
      for (const client of planned.clients) route.nodes.push(this.nodes[this.data.numDepots + client]!);
      route.nodes.push(end);
    }
    for (const route of this.routes) route.update(this.data, this.penalties, this.angles);
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
