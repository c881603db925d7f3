import FlatQueue from 'flatqueue';
import type { ContractionHierarchy } from './contraction-hierarchy.ts';

/**
 * Least costs from every source to every target (0-based nodes), row-major,
 * Infinity where no path exists, by the bucket method: an upward search
 * backwards from each target leaves (target, cost) in a bucket at every node it
 * settles; an upward search from each source then reads the buckets of the
 * nodes it settles, and the cheapest meeting is the answer. Both searches stall
 * on demand: a node reached more cheaply through a higher neighbour lies on no
 * shortest path, so it is neither expanded nor read.
 */
export function hierarchyMatrix(hierarchy: ContractionHierarchy, sources: Int32Array, targets: Int32Array): Float64Array {
  const search = new UpwardSearch(hierarchy);
  const { nodeCount } = hierarchy;
  const width = targets.length;

  // Backward searches, their settled nodes kept in one growing list, then laid out per node (CSR).
  let entryNode = new Int32Array(1 << 16);
  let entryCost = new Float64Array(1 << 16);
  const entryStart = new Int32Array(width + 1);
  let entries = 0;
  for (let column = 0; column < width; column += 1) {
    const settled = search.run(targets[column]!, false);
    if (entries + settled > entryNode.length) {
      const length = Math.max(entries + settled, entryNode.length * 2);
      const nodes = new Int32Array(length);
      const costs = new Float64Array(length);
      nodes.set(entryNode.subarray(0, entries));
      costs.set(entryCost.subarray(0, entries));
      entryNode = nodes;
      entryCost = costs;
    }
    entryNode.set(search.settledNode.subarray(0, settled), entries);
    entryCost.set(search.settledCost.subarray(0, settled), entries);
    entries += settled;
    entryStart[column + 1] = entries;
  }
  const bucketFirst = new Int32Array(nodeCount + 1);
  for (let entry = 0; entry < entries; entry += 1) bucketFirst[entryNode[entry]! + 1]! += 1;
  for (let node = 0; node < nodeCount; node += 1) bucketFirst[node + 1]! += bucketFirst[node]!;
  const bucketColumn = new Int32Array(entries);
  const bucketCost = new Float64Array(entries);
  const fill = bucketFirst.slice(0, nodeCount);
  for (let column = 0; column < width; column += 1) {
    for (let entry = entryStart[column]!, end = entryStart[column + 1]!; entry < end; entry += 1) {
      const slot = fill[entryNode[entry]!]!++;
      bucketColumn[slot] = column;
      bucketCost[slot] = entryCost[entry]!;
    }
  }

  const matrix = new Float64Array(sources.length * width).fill(Infinity);
  for (let row = 0; row < sources.length; row += 1) {
    const settled = search.run(sources[row]!, true);
    const base = row * width;
    const { settledNode, settledCost } = search;
    for (let index = 0; index < settled; index += 1) {
      const node = settledNode[index]!;
      const cost = settledCost[index]!;
      for (let slot = bucketFirst[node]!, end = bucketFirst[node + 1]!; slot < end; slot += 1) {
        const through = cost + bucketCost[slot]!;
        const cell = base + bucketColumn[slot]!;
        if (through < matrix[cell]!) matrix[cell] = through;
      }
    }
  }
  return matrix;
}

/** Dijkstra on the upward graph, forward (from a source) or backward (towards a target), with stall-on-demand. */
export class UpwardSearch {
  private readonly cost: Float64Array;
  private readonly reachedIn: Uint32Array;
  private readonly queue = new FlatQueue<number>();
  private stamp = 0;
  /** The nodes the last run settled without stalling, and their costs (the first `count` entries). */
  settledNode = new Int32Array(1024);
  settledCost = new Float64Array(1024);

  constructor(private readonly hierarchy: ContractionHierarchy) {
    this.cost = new Float64Array(hierarchy.nodeCount);
    this.reachedIn = new Uint32Array(hierarchy.nodeCount);
  }

  /** Searches from `start`; answers how many nodes it settled. */
  run(start: number, forwards: boolean): number {
    const { firstUp, upHead } = this.hierarchy;
    const climb = forwards ? this.hierarchy.upForward : this.hierarchy.upBackward;
    // The same arcs read the other way: from a higher node down to this one.
    const descend = forwards ? this.hierarchy.upBackward : this.hierarchy.upForward;
    this.stamp += 1;
    const run = this.stamp;
    const { cost, reachedIn, queue } = this;
    let count = 0;
    queue.clear();
    cost[start] = 0;
    reachedIn[start] = run;
    queue.push(start, 0);
    nodes: while (queue.length > 0) {
      const queued = queue.peekValue()!;
      const node = queue.pop()!;
      if (queued > cost[node]!) continue;
      const from = firstUp[node]!;
      const to = firstUp[node + 1]!;
      for (let arc = from; arc < to; arc += 1) {
        const above = upHead[arc]!;
        if (reachedIn[above] === run && cost[above]! + descend[arc]! < queued) continue nodes;
      }
      if (count === this.settledNode.length) this.growSettled();
      this.settledNode[count] = node;
      this.settledCost[count] = queued;
      count += 1;
      for (let arc = from; arc < to; arc += 1) {
        const step = climb[arc]!;
        if (step === Infinity) continue;
        const next = upHead[arc]!;
        const through = queued + step;
        if (reachedIn[next] !== run || through < cost[next]!) {
          reachedIn[next] = run;
          cost[next] = through;
          queue.push(next, through);
        }
      }
    }
    return count;
  }

  private growSettled(): void {
    const nodes = new Int32Array(this.settledNode.length * 2);
    const costs = new Float64Array(nodes.length);
    nodes.set(this.settledNode);
    costs.set(this.settledCost);
    this.settledNode = nodes;
    this.settledCost = costs;
  }
}
