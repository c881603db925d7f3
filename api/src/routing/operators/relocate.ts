import { distanceCost, type NodeOperator, type SearchContext } from '../search/search-context.ts';
import type { SearchNode } from '../search/search-route.ts';

/** Moves client `u` to just after `v` (a client or a start depot), in the same route or another. */
export class Relocate implements NodeOperator {
  readonly name = 'relocate';

  constructor(private readonly context: SearchContext) {}

  evaluate(u: SearchNode, v: SearchNode): number {
    if (u === v) return 0;
    const routeU = u.route!;
    const routeV = v.route!;
    const nodesU = routeU.nodes;
    const previousU = nodesU[u.index - 1]!;
    if (previousU === v) return 0;
    const nextU = nodesU[u.index + 1]!;
    const nextV = routeV.nodes[v.index + 1]!;
    const { distance, size, first, second } = this.context;
    const b = u.location;
    const removal = -u.removalGain;
    const insertion = distance[v.location * size + b]! + distance[b * size + nextV.location]! - v.nextArc;

    if (routeU !== routeV) {
      const bound =
        distanceCost(routeU, routeU.distance + removal, routeU.numClients - 1) +
        distanceCost(routeV, routeV.distance + insertion, routeV.numClients + 1) -
        routeU.cost -
        routeV.cost;
      if (bound >= 0) return bound;
      const costU = first.startPrefix(previousU).appendSuffix(nextU).cost(routeU.type);
      const costV = second.startPrefix(v).appendClient(b).appendSuffix(nextV).cost(routeV.type);
      return costU + costV - routeU.cost - routeV.cost;
    }

    const bound = distanceCost(routeU, routeU.distance + removal + insertion, routeU.numClients) - routeU.cost;
    if (bound >= 0) return bound;
    if (v.index < u.index) {
      first.startPrefix(v).appendClient(b).appendRange(routeU, v.index + 1, u.index - 1).appendSuffix(nextU);
    } else {
      first.startPrefix(previousU).appendRange(routeU, u.index + 1, v.index).appendClient(b).appendSuffix(nextV);
    }
    return first.cost(routeU.type) - routeU.cost;
  }

  apply(u: SearchNode, v: SearchNode): void {
    const routeU = u.route!;
    const routeV = v.route!;
    const from = u.index;
    routeU.nodes.splice(from, 1);
    const after = routeU === routeV && v.index > from ? v.index : v.index + 1;
    routeV.nodes.splice(after, 0, u);
  }
}
