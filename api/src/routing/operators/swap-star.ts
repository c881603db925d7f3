import type { RouteOperator, SearchContext } from '../search/search-context.ts';
import type { RouteBuilder } from '../search/route-builder.ts';
import type { SearchNode, SearchRoute } from '../search/search-route.ts';

const NO_CLIENT = -1;
const TOP = 3;

/** A route's visit locations, and per visit the arc that replaces it when it leaves. */
interface RouteSide {
  location: Int32Array;
  bypass: Float64Array;
}

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood"): exchanges a client of one route with a client of another, each re-inserted at its
 * best position in the other route rather than in the vacated place. Candidate positions come from
 * each client's three cheapest insertions, found in O(|U| |V|); HGS-CVRP's single relocations between
 * the two routes are tried in the same pass. The estimate knows distance and load only, so the
 * best candidate is re-evaluated exactly (time windows included) before it is offered.
 * Insertion lists are cached per (route, client) and kept while the route's version is unchanged.
 */
export class SwapStar implements RouteOperator {
  readonly name = 'swap-star';
  private readonly removal: Float64Array;
  /** Per (route, client): three cheapest insertions, recomputed only when the route has changed since (by version). */
  private readonly topCost: Float64Array;
  private readonly topAfter: Int32Array;
  private readonly computedAt: Float64Array;
  private readonly numLocations: number;
  /** Locations of the other route in order, and the cost of each of its arcs, so the inner loop reads typed arrays. */
  private readonly scratch: Int32Array;
  private readonly arcCost: Float64Array;

  private readonly sideU: RouteSide;
  private readonly sideV: RouteSide;

  private moveU: SearchNode | null = null;
  private moveV: SearchNode | null = null;
  /** Where the moved clients go: index (in the other route, before the move) of the visit they follow. */
  private afterForU = 0;
  private afterForV = 0;

  /**
   * With `candidates`, a client is only tried next to its own granular neighbours in the other
   * route (the positions before and after each), not at every position: the same restriction the
   * node operators use, and what keeps SWAP* affordable on long routes.
   */
  constructor(
    private readonly context: SearchContext,
    numRoutes: number,
    private readonly candidates?: { neighbours: Int32Array[]; nodeAt: (location: number) => SearchNode | null },
  ) {
    const size = context.data.numLocations;
    this.numLocations = size;
    this.scratch = new Int32Array(size + 2);
    this.arcCost = new Float64Array(size + 2);
    this.sideU = { location: new Int32Array(size + 2), bypass: new Float64Array(size + 2) };
    this.sideV = { location: new Int32Array(size + 2), bypass: new Float64Array(size + 2) };
    this.removal = new Float64Array(size);
    this.topCost = new Float64Array(numRoutes * size * TOP);
    this.topAfter = new Int32Array(numRoutes * size * TOP);
    this.computedAt = new Float64Array(numRoutes * size).fill(-1);
  }

  evaluate(routeU: SearchRoute, routeV: SearchRoute): number {
    if (routeU.isEmpty() || routeV.isEmpty() || routeU === routeV) return 0;
    this.prepare(routeU, routeV);
    this.prepare(routeV, routeU);
    const { distance, size, penalties } = this.context;
    const nodesU = routeU.nodes;
    const nodesV = routeV.nodes;
    const deliveryU = routeU.end.preDelivery;
    const pickupU = routeU.end.prePickup;
    const deliveryV = routeV.end.preDelivery;
    const pickupV = routeV.end.prePickup;
    const excessU = penalties.load * Math.max(0, routeU.load - routeU.type.capacity);
    const excessV = penalties.load * Math.max(0, routeV.load - routeV.type.capacity);
    const deliveries = this.context.data.delivery;
    const pickups = this.context.data.pickup;

    let best = 0;
    this.moveU = null;
    this.moveV = null;
    this.describe(routeU, this.sideU);
    this.describe(routeV, this.sideV);
    const sideU = this.sideU;
    const sideV = this.sideV;
    const load = penalties.load;
    const capacityU = routeU.type.capacity;
    const capacityV = routeV.type.capacity;
    const unitU = routeU.unitDistanceCost;
    const unitV = routeV.unitDistanceCost;
    const symmetric = this.context.symmetric;
    const removal = this.removal;
    const baseU = routeU.id * this.numLocations;
    const baseV = routeV.id * this.numLocations;
    const countU = nodesU.length - 1;
    const countV = nodesV.length - 1;
    for (let i = 1; i < countU; i += 1) {
      const a = sideU.location[i]!;
      const removalA = removal[a]!;
      const deliveryA = deliveries[a]!;
      const pickupA = pickups[a]!;
      for (let j = 1; j < countV; j += 1) {
        const b = sideV.location[j]!;
        const newLoadU = Math.max(deliveryU - deliveryA + deliveries[b]!, pickupU - pickupA + pickups[b]!);
        const newLoadV = Math.max(deliveryV - deliveries[b]! + deliveryA, pickupV - pickups[b]! + pickupA);
        const partial = load * Math.max(0, newLoadU - capacityU) - excessU + load * Math.max(0, newLoadV - capacityV) - excessV + removalA + removal[b]!;
        if (partial >= best) continue;
        // u goes into V without v; v goes into U without u.
        const placeU = this.bestInsertion(a, baseV, sideV, j, unitV, symmetric, distance, size);
        const costU = this.insertionCostFound;
        if (partial + costU >= best) continue;
        const placeV = this.bestInsertion(b, baseU, sideU, i, unitU, symmetric, distance, size);
        const total = partial + costU + this.insertionCostFound;
        if (total < best) {
          best = total;
          this.moveU = nodesU[i]!;
          this.moveV = nodesV[j]!;
          this.afterForU = placeU;
          this.afterForV = placeV;
        }
      }
    }
    // Plain relocations between the two routes, at the best position found above.
    for (const [from, to, fromDelivery, fromPickup, toDelivery, toPickup, fromExcess, toExcess] of [
      [routeU, routeV, deliveryU, pickupU, deliveryV, pickupV, excessU, excessV],
      [routeV, routeU, deliveryV, pickupV, deliveryU, pickupU, excessV, excessU],
    ] as const) {
      if (from.numClients < 2) continue;
      for (let i = 1; i < from.nodes.length - 1; i += 1) {
        const node = from.nodes[i]!;
        const a = node.location;
        const loadFrom = Math.max(fromDelivery - deliveries[a]!, fromPickup - pickups[a]!);
        const loadTo = Math.max(toDelivery + deliveries[a]!, toPickup + pickups[a]!);
        const base = (to.id * this.numLocations + a) * TOP;
        const total =
          this.removal[a]! + this.topCost[base]! +
          penalties.load * Math.max(0, loadFrom - from.type.capacity) - fromExcess +
          penalties.load * Math.max(0, loadTo - to.type.capacity) - toExcess;
        if (total < best) {
          best = total;
          if (from === routeU) {
            this.moveU = node;
            this.moveV = null;
            this.afterForU = this.topAfter[base]!;
          } else {
            this.moveU = null;
            this.moveV = node;
            this.afterForV = this.topAfter[base]!;
          }
        }
      }
    }
    if (this.moveU === null && this.moveV === null) return 0;
    return this.exactDelta(routeU, routeV);
  }

  apply(routeU: SearchRoute, routeV: SearchRoute): void {
    const u = this.moveU;
    const v = this.moveV;
    const anchorForU = u ? routeV.nodes[this.afterForU]! : null;
    const anchorForV = v ? routeU.nodes[this.afterForV]! : null;
    if (u) routeU.nodes.splice(routeU.nodes.indexOf(u), 1);
    if (v) routeV.nodes.splice(routeV.nodes.indexOf(v), 1);
    if (u && anchorForU) routeV.nodes.splice(routeV.nodes.indexOf(anchorForU) + 1, 0, u);
    if (v && anchorForV) routeU.nodes.splice(routeU.nodes.indexOf(anchorForV) + 1, 0, v);
  }

  /** Removal gains of `route`'s clients, and each one's three cheapest insertions into `other`. */
  private prepare(route: SearchRoute, other: SearchRoute): void {
    const { distance, size } = this.context;
    const nodes = route.nodes;
    const otherNodes = other.nodes;
    const unit = route.unitDistanceCost;
    const otherUnit = other.unitDistanceCost;
    // A route's version changes with every update, so one comparison finds stale entries.
    const stamp = other.version;
    const stops = this.scratch;
    const arcs = this.arcCost;
    const count = otherNodes.length;
    for (let k = 0; k < count; k += 1) stops[k] = otherNodes[k]!.location;
    for (let k = 0; k < count - 1; k += 1) arcs[k] = distance[stops[k]! * size + stops[k + 1]!]!;
    const symmetric = this.context.symmetric;
    for (let i = 1; i < nodes.length - 1; i += 1) {
      const location = nodes[i]!.location;
      this.removal[location] = -unit * nodes[i]!.removalGain;
      const entry = other.id * this.numLocations + location;
      if (this.computedAt[entry] === stamp) continue;
      this.computedAt[entry] = stamp;
      const base = entry * TOP;
      for (let slot = 0; slot < TOP; slot += 1) {
        this.topCost[base + slot] = Number.POSITIVE_INFINITY;
        this.topAfter[base + slot] = NO_CLIENT;
      }
      const row = location * size;
      if (this.candidates) {
        const list = this.candidates.neighbours[location]!;
        for (let n = 0; n < list.length; n += 1) {
          const neighbour = this.candidates.nodeAt(list[n]!);
          if (!neighbour || neighbour.route !== other) continue;
          // Before the neighbour, then after it (positions may repeat; the top three keep distinct ones).
          this.consider(base, neighbour.index - 1, row, otherUnit, symmetric, stops, arcs, location, distance, size);
          this.consider(base, neighbour.index, row, otherUnit, symmetric, stops, arcs, location, distance, size);
        }
      } else {
        this.scanAll(base, row, otherUnit, symmetric, stops, arcs, count, location, distance, size);
      }
    }
  }

  /**
   * Every position of the other route. Position k's arc out of the client is position k + 1's arc
   * into it when distances are symmetric, so each matrix entry is read once.
   */
  private scanAll(base: number, row: number, unit: number, symmetric: boolean, stops: Int32Array, arcs: Float64Array, count: number, location: number, distance: Float64Array, size: number): void {
    const topCost = this.topCost;
    const topAfter = this.topAfter;
    let worst = Number.POSITIVE_INFINITY;
    let into = symmetric ? distance[row + stops[0]!]! : distance[stops[0]! * size + location]!;
    for (let k = 0; k < count - 1; k += 1) {
      const out = distance[row + stops[k + 1]!]!;
      const cost = unit * (into + out - arcs[k]!);
      into = symmetric ? out : distance[stops[k + 1]! * size + location]!;
      if (cost >= worst) continue;
      let slot = 2;
      while (slot > 0 && cost < topCost[base + slot - 1]!) {
        topCost[base + slot] = topCost[base + slot - 1]!;
        topAfter[base + slot] = topAfter[base + slot - 1]!;
        slot -= 1;
      }
      topCost[base + slot] = cost;
      topAfter[base + slot] = k;
      worst = topCost[base + 2]!;
    }
  }

  /** Inserting `location` after position k of the other route: keep it if among the three cheapest. */
  private consider(base: number, k: number, row: number, unit: number, symmetric: boolean, stops: Int32Array, arcs: Float64Array, location: number, distance: Float64Array, size: number): void {
    // When symmetric, both arcs come from this client's row of the matrix: far fewer cache misses.
    const into = symmetric ? distance[row + stops[k]!]! : distance[stops[k]! * size + location]!;
    const cost = unit * (into + distance[row + stops[k + 1]!]! - arcs[k]!);
    const topCost = this.topCost;
    const topAfter = this.topAfter;
    if (cost >= topCost[base + 2]!) return;
    for (let slot = 0; slot < TOP; slot += 1) if (topAfter[base + slot] === k) return;
    let slot = 2;
    while (slot > 0 && cost < topCost[base + slot - 1]!) {
      topCost[base + slot] = topCost[base + slot - 1]!;
      topAfter[base + slot] = topAfter[base + slot - 1]!;
      slot -= 1;
    }
    topCost[base + slot] = cost;
    topAfter[base + slot] = k;
  }

  private insertionCostFound = 0;

  /**
   * Best place for `location` in a route once the visit at `removedIndex` has left: its old place,
   * or the best of its top three whose arcs survive the removal. Returns the index to follow.
   */
  private bestInsertion(location: number, routeBase: number, side: RouteSide, removedIndex: number, unit: number, symmetric: boolean, distance: Float64Array, size: number): number {
    const previous = side.location[removedIndex - 1]!;
    const next = side.location[removedIndex + 1]!;
    const into = symmetric ? distance[location * size + previous]! : distance[previous * size + location]!;
    let bestCost = unit * (into + distance[location * size + next]! - side.bypass[removedIndex]!);
    let bestAfter = removedIndex - 1;
    const base = (routeBase + location) * TOP;
    for (let slot = 0; slot < TOP; slot += 1) {
      const after = this.topAfter[base + slot]!;
      if (after === NO_CLIENT) break;
      if (after === removedIndex || after === removedIndex - 1) continue;
      const cost = this.topCost[base + slot]!;
      if (cost < bestCost) {
        bestCost = cost;
        bestAfter = after;
      }
      break;
    }
    this.insertionCostFound = bestCost;
    return bestAfter;
  }

  /** Locations of a route's visits and, per visit, the arc that would replace it if it left. */
  private describe(route: SearchRoute, side: RouteSide): void {
    const nodes = route.nodes;
    const last = nodes.length - 1;
    for (let index = 0; index <= last; index += 1) side.location[index] = nodes[index]!.location;
    for (let index = 1; index < last; index += 1) {
      const node = nodes[index]!;
      side.bypass[index] = nodes[index - 1]!.nextArc + node.nextArc - node.removalGain;
    }
  }

  private exactDelta(routeU: SearchRoute, routeV: SearchRoute): number {
    const { first, second } = this.context;
    const u = this.moveU;
    const v = this.moveV;
    buildExchanged(first, routeU, u ? u.index : NO_CLIENT, v ? v.location : NO_CLIENT, this.afterForV);
    buildExchanged(second, routeV, v ? v.index : NO_CLIENT, u ? u.location : NO_CLIENT, this.afterForU);
    return first.cost(routeU.type) + second.cost(routeV.type) - routeU.cost - routeV.cost;
  }
}

/** Builds `route` with the visit at `removedIndex` taken out (if any) and `inserted` placed after index `after` (if any). */
function buildExchanged(builder: RouteBuilder, route: SearchRoute, removedIndex: number, inserted: number, after: number): void {
  const nodes = route.nodes;
  if (inserted === NO_CLIENT) {
    builder.startPrefix(nodes[removedIndex - 1]!).appendSuffix(nodes[removedIndex + 1]!);
    return;
  }
  if (removedIndex === NO_CLIENT) {
    builder.startPrefix(nodes[after]!).appendClient(inserted).appendSuffix(nodes[after + 1]!);
    return;
  }
  const anchor = after === removedIndex ? removedIndex - 1 : after;
  if (anchor === removedIndex - 1) {
    builder.startPrefix(nodes[anchor]!).appendClient(inserted).appendSuffix(nodes[removedIndex + 1]!);
  } else if (anchor < removedIndex) {
    builder.startPrefix(nodes[anchor]!).appendClient(inserted).appendRange(route, anchor + 1, removedIndex - 1).appendSuffix(nodes[removedIndex + 1]!);
  } else {
    builder.startPrefix(nodes[removedIndex - 1]!).appendRange(route, removedIndex + 1, anchor).appendClient(inserted).appendSuffix(nodes[anchor + 1]!);
  }
}
