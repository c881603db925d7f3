import { distanceCost, type NodeOperator, type SearchContext } from '../search/search-context.ts';
import type { SearchNode } from '../search/search-route.ts';

/**
 * Intra-route 2-opt (HGS-CVRP move 7): with `u` and `v` in one route, u first, replaces the arcs
 * (u, next u) and (v, next v) by (u, v) and (next u, next v), reversing the visits in between.
 * `v` may be the start depot, which reverses the route's first visits.
 */
export class TwoOpt implements NodeOperator {
  readonly name = 'two-opt';

  constructor(private readonly context: SearchContext) {}

  evaluate(u: SearchNode, v: SearchNode): number {
    const route = u.route!;
    if (v.route !== route || u === v) return 0;
    const early = u.index < v.index ? u : v;
    const late = early === u ? v : u;
    if (late.index < early.index + 2) return 0;
    const nodes = route.nodes;
    const { distance, size, first } = this.context;
    const next = nodes[early.index + 1]!;
    const after = nodes[late.index + 1]!;
    // Reversal changes the inner arcs' direction: add what that costs (zero when symmetric).
    let innerChange = 0;
    if (!this.context.symmetric) for (let index = early.index + 1; index < late.index; index += 1) {
      const from = nodes[index]!.location;
      const to = nodes[index + 1]!.location;
      innerChange += distance[to * size + from]! - distance[from * size + to]!;
    }
    const change = distance[early.location * size + late.location]! + distance[next.location * size + after.location]! - early.nextArc - late.nextArc + innerChange;
    const bound = distanceCost(route, route.distance + change, route.numClients) - route.cost;
    if (bound >= 0) return bound;
    first.startPrefix(early).appendRangeReversed(route, early.index + 1, late.index).appendSuffix(after);
    return first.cost(route.type) - route.cost;
  }

  apply(u: SearchNode, v: SearchNode): void {
    const nodes = u.route!.nodes;
    let low = Math.min(u.index, v.index) + 1;
    let high = Math.max(u.index, v.index);
    while (low < high) {
      const kept = nodes[low]!;
      nodes[low] = nodes[high]!;
      nodes[high] = kept;
      low += 1;
      high -= 1;
    }
  }
}
