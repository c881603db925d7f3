import { distanceCost, type NodeOperator, type SearchContext } from '../search/search-context.ts';
import type { SearchNode, SearchRoute } from '../search/search-route.ts';
import type { RouteBuilder } from '../search/route-builder.ts';

/**
 * Inter-route 2-opt* (HGS-CVRP move 9, PyVRP's SwapTails): the visits after `u` and the visits after
 * `v` change routes, each route keeping its own end depot. `v` may be a start depot, which hands
 * u's whole tail to v's route (the way a client reaches an empty route).
 */
export class TwoOptStar implements NodeOperator {
  readonly name = 'two-opt-star';

  constructor(private readonly context: SearchContext) {}

  evaluate(u: SearchNode, v: SearchNode): number {
    const routeU = u.route!;
    const routeV = v.route!;
    if (routeU === routeV) return 0;
    const nextU = routeU.nodes[u.index + 1]!;
    const nextV = routeV.nodes[v.index + 1]!;
    if (nextU.isDepot && nextV.isDepot) return 0;
    const tailU = routeU.numClients - u.index;
    const tailV = routeV.numClients - v.index;
    const newDistanceU = u.preDistance + this.tailDistance(u, nextV, routeU);
    const newDistanceV = v.preDistance + this.tailDistance(v, nextU, routeV);
    const bound =
      distanceCost(routeU, newDistanceU, u.index + tailV) +
      distanceCost(routeV, newDistanceV, v.index + tailU) -
      routeU.cost -
      routeV.cost;
    if (bound >= 0) return bound;
    const costU = this.appendTail(this.context.first.startPrefix(u), nextV, routeU).cost(routeU.type);
    const costV = this.appendTail(this.context.second.startPrefix(v), nextU, routeV).cost(routeV.type);
    return costU + costV - routeU.cost - routeV.cost;
  }

  apply(u: SearchNode, v: SearchNode): void {
    const nodesU = u.route!.nodes;
    const nodesV = v.route!.nodes;
    const tailU = nodesU.splice(u.index + 1, nodesU.length - 2 - u.index);
    const tailV = nodesV.splice(v.index + 1, nodesV.length - 2 - v.index);
    nodesU.splice(u.index + 1, 0, ...tailV);
    nodesV.splice(v.index + 1, 0, ...tailU);
  }

  /** Distance from `from` through the tail starting at `tail` (of another route) to `route`'s end depot. */
  private tailDistance(from: SearchNode, tail: SearchNode, route: SearchRoute): number {
    const { distance, size } = this.context;
    const end = route.end.location;
    if (tail.isDepot) return distance[from.location * size + end]!;
    const tailRoute = tail.route!;
    const lastClient = tailRoute.nodes[tailRoute.nodes.length - 2]!.location;
    return (
      distance[from.location * size + tail.location]! +
      tail.sufDistance -
      distance[lastClient * size + tailRoute.end.location]! +
      distance[lastClient * size + end]!
    );
  }

  private appendTail(builder: RouteBuilder, tail: SearchNode, route: SearchRoute): RouteBuilder {
    if (tail.isDepot) return builder.appendDepot(route.end);
    const tailRoute = tail.route!;
    const sameEnd = tailRoute.end.location === route.end.location && tailRoute.end.late === route.end.late;
    if (sameEnd) return builder.appendSuffix(tail);
    return builder.appendRange(tailRoute, tail.index, tailRoute.nodes.length - 2).appendDepot(route.end);
  }
}
