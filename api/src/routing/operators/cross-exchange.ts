import { distanceCost, type NodeOperator, type SearchContext } from '../search/search-context.ts';
import type { SearchNode } from '../search/search-route.ts';

/**
 * Cross-exchange: swaps the run of `lengthU` clients starting at `u` with the run of `lengthV`
 * clients starting at `v`, between two routes, each run keeping its order.
 * (2, 1) and (2, 2) are HGS-CVRP's moves 5 and 6; (1, 1) is `Swap`.
 */
export class CrossExchange implements NodeOperator {
  readonly name: string;

  constructor(
    private readonly context: SearchContext,
    private readonly lengthU: number,
    private readonly lengthV: number,
  ) {
    this.name = `cross-exchange-${lengthU}-${lengthV}`;
  }

  evaluate(u: SearchNode, v: SearchNode): number {
    if (v.isDepot) return 0;
    const routeU = u.route!;
    const routeV = v.route!;
    if (routeU === routeV) return 0;
    const lastIndexU = u.index + this.lengthU - 1;
    const lastIndexV = v.index + this.lengthV - 1;
    if (lastIndexU > routeU.numClients || lastIndexV > routeV.numClients) return 0;
    const nodesU = routeU.nodes;
    const nodesV = routeV.nodes;
    const previousU = nodesU[u.index - 1]!;
    const lastU = nodesU[lastIndexU]!;
    const afterU = nodesU[lastIndexU + 1]!;
    const previousV = nodesV[v.index - 1]!;
    const lastV = nodesV[lastIndexV]!;
    const afterV = nodesV[lastIndexV + 1]!;
    const { distance, size, first, second } = this.context;
    const innerU = lastU.preDistance - u.preDistance;
    const innerV = lastV.preDistance - v.preDistance;
    const pu = previousU.location;
    const au = afterU.location;
    const pv = previousV.location;
    const av = afterV.location;
    const changeU = distance[pu * size + v.location]! + innerV + distance[lastV.location * size + au]! - previousU.nextArc - innerU - lastU.nextArc;
    const changeV = distance[pv * size + u.location]! + innerU + distance[lastU.location * size + av]! - previousV.nextArc - innerV - lastV.nextArc;
    const bound =
      distanceCost(routeU, routeU.distance + changeU, routeU.numClients) +
      distanceCost(routeV, routeV.distance + changeV, routeV.numClients) -
      routeU.cost -
      routeV.cost;
    if (bound >= 0) return bound;
    const costU = first.startPrefix(previousU).appendRange(routeV, v.index, lastIndexV).appendSuffix(afterU).cost(routeU.type);
    const costV = second.startPrefix(previousV).appendRange(routeU, u.index, lastIndexU).appendSuffix(afterV).cost(routeV.type);
    return costU + costV - routeU.cost - routeV.cost;
  }

  apply(u: SearchNode, v: SearchNode): void {
    const nodesU = u.route!.nodes;
    const nodesV = v.route!.nodes;
    const indexU = u.index;
    const indexV = v.index;
    const runU = nodesU.slice(indexU, indexU + this.lengthU);
    const runV = nodesV.slice(indexV, indexV + this.lengthV);
    nodesU.splice(indexU, this.lengthU, ...runV);
    nodesV.splice(indexV, this.lengthV, ...runU);
  }
}
