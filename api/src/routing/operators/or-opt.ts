import { distanceCost, type NodeOperator, type SearchContext } from '../search/search-context.ts';
import type { SearchNode } from '../search/search-route.ts';

/**
 * Or-opt: moves the run of `length` consecutive clients starting at `u` to just after `v`, kept in
 * order or reversed, whichever is cheaper (HGS-CVRP's moves 2 and 3 for length 2).
 */
export class OrOpt implements NodeOperator {
  readonly name: string;
  private reversed = false;

  constructor(
    private readonly context: SearchContext,
    private readonly length: number,
  ) {
    this.name = `or-opt-${length}`;
  }

  evaluate(u: SearchNode, v: SearchNode): number {
    const routeU = u.route!;
    const routeV = v.route!;
    const nodesU = routeU.nodes;
    const firstIndex = u.index;
    const lastIndex = firstIndex + this.length - 1;
    if (lastIndex > routeU.numClients) return 0;
    if (routeU === routeV && v.index >= firstIndex - 1 && v.index <= lastIndex) return 0;
    const previousU = nodesU[firstIndex - 1]!;
    const lastU = nodesU[lastIndex]!;
    const afterU = nodesU[lastIndex + 1]!;
    const nextV = routeV.nodes[v.index + 1]!;
    const { distance, size, first, second } = this.context;

    const inner = lastU.preDistance - u.preDistance;
    let innerReversed = inner;
    if (!this.context.symmetric) {
      innerReversed = 0;
      for (let index = lastIndex; index > firstIndex; index -= 1) {
        innerReversed += distance[nodesU[index]!.location * size + nodesU[index - 1]!.location]!;
      }
    }
    const a = previousU.location;
    const c = afterU.location;
    const d = v.location;
    const e = nextV.location;
    const removal = distance[a * size + c]! - previousU.nextArc - inner - lastU.nextArc;
    const forward = distance[d * size + u.location]! + inner + distance[lastU.location * size + e]! - v.nextArc;
    const backward = distance[d * size + lastU.location]! + innerReversed + distance[u.location * size + e]! - v.nextArc;
    const insertion = Math.min(forward, backward);

    let bound: number;
    if (routeU !== routeV) {
      bound =
        distanceCost(routeU, routeU.distance + removal, routeU.numClients - this.length) +
        distanceCost(routeV, routeV.distance + insertion, routeV.numClients + this.length) -
        routeU.cost -
        routeV.cost;
    } else {
      bound = distanceCost(routeU, routeU.distance + removal + insertion, routeU.numClients) - routeU.cost;
    }
    if (bound >= 0) return bound;

    let best = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < 2; pass += 1) {
      const reversed = pass === 1;
      let delta: number;
      if (routeU !== routeV) {
        const costU = first.startPrefix(previousU).appendSuffix(afterU).cost(routeU.type);
        second.startPrefix(v);
        if (reversed) second.appendRangeReversed(routeU, firstIndex, lastIndex);
        else second.appendRange(routeU, firstIndex, lastIndex);
        delta = costU + second.appendSuffix(nextV).cost(routeV.type) - routeU.cost - routeV.cost;
      } else if (v.index < firstIndex) {
        first.startPrefix(v);
        if (reversed) first.appendRangeReversed(routeU, firstIndex, lastIndex);
        else first.appendRange(routeU, firstIndex, lastIndex);
        delta = first.appendRange(routeU, v.index + 1, firstIndex - 1).appendSuffix(afterU).cost(routeU.type) - routeU.cost;
      } else {
        first.startPrefix(previousU).appendRange(routeU, lastIndex + 1, v.index);
        if (reversed) first.appendRangeReversed(routeU, firstIndex, lastIndex);
        else first.appendRange(routeU, firstIndex, lastIndex);
        delta = first.appendSuffix(nextV).cost(routeU.type) - routeU.cost;
      }
      if (delta < best) {
        best = delta;
        this.reversed = reversed;
      }
    }
    return best;
  }

  apply(u: SearchNode, v: SearchNode): void {
    const routeU = u.route!;
    const routeV = v.route!;
    const from = u.index;
    const run = routeU.nodes.splice(from, this.length);
    if (this.reversed) run.reverse();
    const after = routeU === routeV && v.index > from ? v.index - this.length + 1 : v.index + 1;
    routeV.nodes.splice(after, 0, ...run);
  }
}
