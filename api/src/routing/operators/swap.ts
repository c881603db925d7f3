import { distanceCost, type NodeOperator, type SearchContext } from '../search/search-context.ts';
import type { SearchNode } from '../search/search-route.ts';

/** Exchanges clients `u` and `v`, in one route or between two. */
export class Swap implements NodeOperator {
  readonly name = 'swap';

  constructor(private readonly context: SearchContext) {}

  evaluate(u: SearchNode, v: SearchNode): number {
    if (u === v || v.isDepot) return 0;
    const routeU = u.route!;
    const routeV = v.route!;
    const { distance, size, first, second } = this.context;

    if (routeU !== routeV) {
      const previousU = routeU.nodes[u.index - 1]!;
      const nextU = routeU.nodes[u.index + 1]!;
      const previousV = routeV.nodes[v.index - 1]!;
      const nextV = routeV.nodes[v.index + 1]!;
      const pu = previousU.location;
      const nu = nextU.location;
      const pv = previousV.location;
      const nv = nextV.location;
      const a = u.location;
      const b = v.location;
      const changeU = distance[pu * size + b]! + distance[b * size + nu]! - previousU.nextArc - u.nextArc;
      const changeV = distance[pv * size + a]! + distance[a * size + nv]! - previousV.nextArc - v.nextArc;
      const bound =
        distanceCost(routeU, routeU.distance + changeU, routeU.numClients) +
        distanceCost(routeV, routeV.distance + changeV, routeV.numClients) -
        routeU.cost -
        routeV.cost;
      if (bound >= 0) return bound;
      const costU = first.startPrefix(previousU).appendClient(b).appendSuffix(nextU).cost(routeU.type);
      const costV = second.startPrefix(previousV).appendClient(a).appendSuffix(nextV).cost(routeV.type);
      return costU + costV - routeU.cost - routeV.cost;
    }

    const nodes = routeU.nodes;
    const early = u.index < v.index ? u : v;
    const late = early === u ? v : u;
    const before = nodes[early.index - 1]!;
    const after = nodes[late.index + 1]!;
    const x = early.location;
    const y = late.location;
    const p = before.location;
    const n = after.location;
    let change: number;
    if (late.index === early.index + 1) {
      change = distance[p * size + y]! + distance[y * size + x]! + distance[x * size + n]! - distance[p * size + x]! - distance[x * size + y]! - distance[y * size + n]!;
    } else {
      const afterEarly = nodes[early.index + 1]!.location;
      const beforeLate = nodes[late.index - 1]!.location;
      change =
        distance[p * size + y]! + distance[y * size + afterEarly]! + distance[beforeLate * size + x]! + distance[x * size + n]! -
        distance[p * size + x]! - distance[x * size + afterEarly]! - distance[beforeLate * size + y]! - distance[y * size + n]!;
    }
    const bound = distanceCost(routeU, routeU.distance + change, routeU.numClients) - routeU.cost;
    if (bound >= 0) return bound;
    first.startPrefix(before).appendClient(y).appendRange(routeU, early.index + 1, late.index - 1).appendClient(x).appendSuffix(after);
    return first.cost(routeU.type) - routeU.cost;
  }

  apply(u: SearchNode, v: SearchNode): void {
    u.route!.nodes[u.index] = v;
    v.route!.nodes[v.index] = u;
  }
}
