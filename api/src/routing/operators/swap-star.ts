import type { RouteOperator, SearchContext } from '../search/search-context.ts';
import type { RouteBuilder } from '../search/route-builder.ts';
import type { SearchNode, SearchRoute } from '../search/search-route.ts';

const NO_CLIENT = -1;
const TOP = 3;

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood"): exchanges a client of one route with a client of another, each re-inserted at its
 * best position in the other route rather than in the vacated place. Candidate positions come from
 * each client's three cheapest insertions, found in O(|U| |V|); HGS-CVRP's single relocations between
 * the two routes are tried in the same pass. The estimate knows distance and load only, so the
 * best candidate is re-evaluated exactly (time windows included) before it is offered.
 */
export class SwapStar implements RouteOperator {
  readonly name = 'swap-star';
  private readonly removal: Float64Array;
  private readonly topCost: Float64Array;
  private readonly topAfter: Int32Array;

  private moveU: SearchNode | null = null;
  private moveV: SearchNode | null = null;
  /** Where the moved clients go: index (in the other route, before the move) of the visit they follow. */
  private afterForU = 0;
  private afterForV = 0;

  constructor(private readonly context: SearchContext) {
    const size = context.data.numLocations;
    this.removal = new Float64Array(size);
    this.topCost = new Float64Array(size * TOP);
    this.topAfter = new Int32Array(size * TOP);
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
    for (let i = 1; i < nodesU.length - 1; i += 1) {
      const u = nodesU[i]!;
      const a = u.location;
      for (let j = 1; j < nodesV.length - 1; j += 1) {
        const v = nodesV[j]!;
        const b = v.location;
        const newLoadU = Math.max(deliveryU - deliveries[a]! + deliveries[b]!, pickupU - pickups[a]! + pickups[b]!);
        const newLoadV = Math.max(deliveryV - deliveries[b]! + deliveries[a]!, pickupV - pickups[b]! + pickups[a]!);
        const partial =
          penalties.load * Math.max(0, newLoadU - routeU.type.capacity) - excessU +
          penalties.load * Math.max(0, newLoadV - routeV.type.capacity) - excessV +
          this.removal[a]! + this.removal[b]!;
        if (partial >= best) continue;
        // u goes into V without v; v goes into U without u.
        const placeU = this.bestInsertion(a, routeV, j, routeV.type.unitDistanceCost, distance, size);
        const costU = this.insertionCostFound;
        const placeV = this.bestInsertion(b, routeU, i, routeU.type.unitDistanceCost, distance, size);
        const total = partial + costU + this.insertionCostFound;
        if (total < best) {
          best = total;
          this.moveU = u;
          this.moveV = v;
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
        const total =
          this.removal[a]! + this.topCost[a * TOP]! +
          penalties.load * Math.max(0, loadFrom - from.type.capacity) - fromExcess +
          penalties.load * Math.max(0, loadTo - to.type.capacity) - toExcess;
        if (total < best) {
          best = total;
          if (from === routeU) {
            this.moveU = node;
            this.moveV = null;
            this.afterForU = this.topAfter[a * TOP]!;
          } else {
            this.moveU = null;
            this.moveV = node;
            this.afterForV = this.topAfter[a * TOP]!;
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
    const unit = route.type.unitDistanceCost;
    const otherUnit = other.type.unitDistanceCost;
    for (let i = 1; i < nodes.length - 1; i += 1) {
      const previous = nodes[i - 1]!.location;
      const location = nodes[i]!.location;
      const next = nodes[i + 1]!.location;
      this.removal[location] = unit * (distance[previous * size + next]! - distance[previous * size + location]! - distance[location * size + next]!);
      const base = location * TOP;
      for (let slot = 0; slot < TOP; slot += 1) {
        this.topCost[base + slot] = Number.POSITIVE_INFINITY;
        this.topAfter[base + slot] = NO_CLIENT;
      }
      for (let k = 0; k < otherNodes.length - 1; k += 1) {
        const from = otherNodes[k]!.location;
        const to = otherNodes[k + 1]!.location;
        const cost = otherUnit * (distance[from * size + location]! + distance[location * size + to]! - distance[from * size + to]!);
        if (cost >= this.topCost[base + 2]!) continue;
        let slot = 2;
        while (slot > 0 && cost < this.topCost[base + slot - 1]!) {
          this.topCost[base + slot] = this.topCost[base + slot - 1]!;
          this.topAfter[base + slot] = this.topAfter[base + slot - 1]!;
          slot -= 1;
        }
        this.topCost[base + slot] = cost;
        this.topAfter[base + slot] = k;
      }
    }
  }

  private insertionCostFound = 0;

  /**
   * Best place for `location` in `route` once the client at `removedIndex` has left: its old place,
   * or the best of its top three whose arcs survive the removal. Returns the index to follow.
   */
  private bestInsertion(location: number, route: SearchRoute, removedIndex: number, unit: number, distance: Float64Array, size: number): number {
    const nodes = route.nodes;
    const previous = nodes[removedIndex - 1]!.location;
    const next = nodes[removedIndex + 1]!.location;
    let bestCost = unit * (distance[previous * size + location]! + distance[location * size + next]! - distance[previous * size + next]!);
    let bestAfter = removedIndex - 1;
    const base = location * TOP;
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
