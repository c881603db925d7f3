import FlatQueue from 'flatqueue';
import type { RoadGraph } from './road-graph.ts';

/** Which arc weight a search minimises: travel seconds or metres. */
export type SearchMetric = 'seconds' | 'metres';

/** The edge taken and the node (0-based) it was entered from. */
export interface PathStep {
  edge: number;
  from: number;
}

/**
 * Dijkstra on the CSR graph with a binary heap (flatqueue: typed-array backed,
 * the fastest of the small JS heaps, and well kept). Graph libraries such as
 * graphology or ngraph keep an object per node and edge and offer one-to-one
 * or one-to-all searches only; a many-to-many matrix is one search per origin
 * that stops once every destination is settled, which this does over flat
 * arrays reused between searches (stamps instead of clearing).
 */
export class ShortestPathSearch {
  private readonly cost: Float64Array;
  private readonly reachedIn: Uint32Array;
  private readonly settledIn: Uint32Array;
  private readonly targetIn: Uint32Array;
  private readonly viaArc: Int32Array;
  private readonly queue = new FlatQueue<number>();
  private run = 0;

  constructor(private readonly graph: RoadGraph) {
    this.cost = new Float64Array(graph.nodeCount);
    this.reachedIn = new Uint32Array(graph.nodeCount);
    this.settledIn = new Uint32Array(graph.nodeCount);
    this.targetIn = new Uint32Array(graph.nodeCount);
    this.viaArc = new Int32Array(graph.nodeCount);
  }

  /** Least cost from `source` to each of `targets` (0-based nodes), Infinity where unreachable. */
  costsTo(source: number, targets: Int32Array, metric: SearchMetric): Float64Array {
    return this.nearestCostsTo(Int32Array.of(source), targets, metric);
  }

  /** Least cost to each of `targets` from whichever of `sources` is nearest: one search started from all of them. */
  nearestCostsTo(sources: Int32Array, targets: Int32Array, metric: SearchMetric): Float64Array {
    this.search(sources, targets, metric);
    return Float64Array.from(targets, (target) => (this.settledIn[target] === this.run ? this.cost[target]! : Infinity));
  }

  /** The least-cost path from `source` to `target` as edge steps; null when none exists. */
  pathTo(source: number, target: number, metric: SearchMetric): PathStep[] | null {
    this.search(Int32Array.of(source), Int32Array.of(target), metric);
    if (this.settledIn[target] !== this.run) return null;
    const steps: PathStep[] = [];
    for (let node = target; node !== source;) {
      const arc = this.viaArc[node]!;
      const from = this.tailOf(arc);
      steps.push({ edge: this.graph.arcEdge[arc]!, from });
      node = from;
    }
    return steps.reverse();
  }

  private search(sources: Int32Array, targets: Int32Array, metric: SearchMetric): void {
    const { firstArc, arcHead } = this.graph;
    const weight = metric === 'seconds' ? this.graph.arcSeconds : this.graph.arcMetres;
    this.run += 1;
    const run = this.run;
    let remaining = 0;
    for (const target of targets) {
      if (this.targetIn[target] !== run) remaining += 1;
      this.targetIn[target] = run;
    }
    this.queue.clear();
    for (const source of sources) {
      this.cost[source] = 0;
      this.reachedIn[source] = run;
      this.viaArc[source] = -1;
      this.queue.push(source, 0);
    }
    while (this.queue.length > 0 && remaining > 0) {
      const queuedCost = this.queue.peekValue()!;
      const node = this.queue.pop()!;
      if (this.settledIn[node] === run || queuedCost > this.cost[node]!) continue;
      this.settledIn[node] = run;
      if (this.targetIn[node] === run) remaining -= 1;
      for (let arc = firstArc[node]!, end = firstArc[node + 1]!; arc < end; arc += 1) {
        const head = arcHead[arc]!;
        const next = queuedCost + weight[arc]!;
        if (this.reachedIn[head] !== run || next < this.cost[head]!) {
          this.reachedIn[head] = run;
          this.cost[head] = next;
          this.viaArc[head] = arc;
          this.queue.push(head, next);
        }
      }
    }
  }

  /** The node an arc leaves: the last CSR row starting at or before it. */
  private tailOf(arc: number): number {
    const { firstArc } = this.graph;
    let low = 0;
    let high = this.graph.nodeCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (firstArc[middle]! <= arc) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
