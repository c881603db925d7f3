import { Worker } from 'node:worker_threads';
import type { ContractionHierarchy } from './contraction-hierarchy.ts';

/** Sources swept together: their costs sit side by side, so one pass over the arcs serves them all. */
const BLOCK = 16;

/**
 * What the sweeps of one matrix read, in flat typed arrays only (so a worker
 * thread can take it as it is): the upward graph for the source searches, and
 * the restricted set, the nodes from which some target is reached going down
 * the hierarchy, laid out from the highest rank down.
 */
export interface SweepPlan {
  /** Sources swept together (BLOCK). */
  block: number;
  firstUp: Int32Array;
  upHead: Int32Array;
  upForward: Float64Array;
  upBackward: Float64Array;
  /** Per node, its position in the sweep, -1 outside the restricted set. */
  sweepAt: Int32Array;
  /** Per sweep position, its arcs down from higher nodes: firstDown[i] .. firstDown[i + 1] - 1. */
  firstDown: Int32Array;
  /** Where the arc comes from: that node's sweep position times the block (an offset into the cost block). */
  downFrom: Int32Array;
  downCost: Float64Array;
  sources: Int32Array;
  /** Per target, its sweep position times the block. */
  targetAt: Int32Array;
}

/**
 * Lays out a matrix for restricted PHAST: an upward walk from every target
 * (along arcs that exist downwards) marks the nodes from which a target can be
 * reached going down, once for all sources; they are ordered by rank, highest
 * first, with each one's arcs down from higher nodes beside it.
 */
export function sweepPlan(hierarchy: ContractionHierarchy, sources: Int32Array, targets: Int32Array): SweepPlan {
  const { nodeCount, rank, firstUp, upHead, upForward, upBackward } = hierarchy;
  const sweepAt = new Int32Array(nodeCount).fill(-1);
  const stack = new Int32Array(nodeCount);
  let reached = 0;
  for (const target of targets) {
    if (sweepAt[target] !== -1) continue;
    sweepAt[target] = 0;
    let top = 0;
    stack[top++] = target;
    while (top > 0) {
      const node = stack[--top]!;
      reached += 1;
      for (let arc = firstUp[node]!, end = firstUp[node + 1]!; arc < end; arc += 1) {
        const above = upHead[arc]!;
        if (upBackward[arc] === Infinity || sweepAt[above] !== -1) continue;
        sweepAt[above] = 0;
        stack[top++] = above;
      }
    }
  }
  // Ranks are a permutation: the marked nodes, highest rank first, without a comparison sort.
  const byRank = new Int32Array(nodeCount).fill(-1);
  for (let node = 0; node < nodeCount; node += 1) if (sweepAt[node] === 0) byRank[rank[node]!] = node;
  const sweepNode = new Int32Array(reached);
  for (let at = nodeCount - 1, index = 0; at >= 0; at -= 1) {
    const node = byRank[at]!;
    if (node === -1) continue;
    sweepNode[index] = node;
    sweepAt[node] = index;
    index += 1;
  }
  const firstDown = new Int32Array(reached + 1);
  for (let index = 0; index < reached; index += 1) {
    const node = sweepNode[index]!;
    let arcs = 0;
    for (let arc = firstUp[node]!, end = firstUp[node + 1]!; arc < end; arc += 1) if (upBackward[arc] !== Infinity) arcs += 1;
    firstDown[index + 1] = firstDown[index]! + arcs;
  }
  const downFrom = new Int32Array(firstDown[reached]!);
  const downCost = new Float64Array(firstDown[reached]!);
  for (let index = 0; index < reached; index += 1) {
    const node = sweepNode[index]!;
    let slot = firstDown[index]!;
    for (let arc = firstUp[node]!, end = firstUp[node + 1]!; arc < end; arc += 1) {
      if (upBackward[arc] === Infinity) continue;
      downFrom[slot] = sweepAt[upHead[arc]!]! * BLOCK;
      downCost[slot] = upBackward[arc]!;
      slot += 1;
    }
  }
  const targetAt = Int32Array.from(targets, (target) => sweepAt[target]! * BLOCK);
  return { block: BLOCK, firstUp, upHead, upForward, upBackward, sweepAt, firstDown, downFrom, downCost, sources, targetAt };
}

/**
 * Rows `fromRow` .. `toRow` - 1 of the matrix (row-major, one row per source,
 * one column per target), a block of sources at a time: an upward search from each
 * (Dijkstra with stall-on-demand: a node reached more cheaply through a higher
 * neighbour lies on no shortest path) seeds its lane of the cost block, then
 * one linear sweep down the restricted set gives every node the cheapest of
 * its higher neighbours plus the arc down, for all lanes at once. The sweep
 * reads flat arrays in order, with no queue; the cheapest up-then-down path
 * is the shortest path, so the targets' entries are exactly Dijkstra's costs.
 *
 * Self-contained (no imports, no helpers, nothing from the module): a worker
 * thread runs it from its source text, as the server is one bundle and a
 * worker cannot load a module of it.
 */
export function sweepRows(plan: SweepPlan, fromRow: number, toRow: number, matrix: Float64Array): void {
  const { block, firstUp, upHead, upForward, upBackward, sweepAt, firstDown, downFrom, downCost, sources, targetAt } = plan;
  const nodeCount = sweepAt.length;
  const reached = firstDown.length - 1;
  const width = targetAt.length;
  const cost = new Float64Array(reached * block);
  const searchCost = new Float64Array(nodeCount);
  const reachedIn = new Int32Array(nodeCount);
  let heapNode = new Int32Array(1024);
  let heapKey = new Float64Array(1024);
  let run = 0;
  for (let firstRow = fromRow; firstRow < toRow; firstRow += block) {
    const rows = Math.min(block, toRow - firstRow);
    cost.fill(Infinity);
    for (let lane = 0; lane < rows; lane += 1) {
      // The upward search from this lane's source, its queue a binary heap that may hold a node more than once.
      run += 1;
      const start = sources[firstRow + lane]!;
      searchCost[start] = 0;
      reachedIn[start] = run;
      heapNode[0] = start;
      heapKey[0] = 0;
      let size = 1;
      nodes: while (size > 0) {
        const node: number = heapNode[0]!;
        const queued = heapKey[0]!;
        size -= 1;
        if (size > 0) {
          const lastNode = heapNode[size]!;
          const lastKey = heapKey[size]!;
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child += 1;
            if (heapKey[child]! >= lastKey) break;
            heapNode[at] = heapNode[child]!;
            heapKey[at] = heapKey[child]!;
            at = child;
          }
          heapNode[at] = lastNode;
          heapKey[at] = lastKey;
        }
        if (queued > searchCost[node]!) continue;
        const from: number = firstUp[node]!;
        const to: number = firstUp[node + 1]!;
        for (let arc = from; arc < to; arc += 1) {
          const above = upHead[arc]!;
          if (reachedIn[above] === run && searchCost[above]! + upBackward[arc]! < queued) continue nodes;
        }
        const at = sweepAt[node]!;
        if (at !== -1) cost[at * block + lane] = queued;
        for (let arc = from; arc < to; arc += 1) {
          const step = upForward[arc]!;
          if (step === Infinity) continue;
          const next = upHead[arc]!;
          const through = queued + step;
          if (reachedIn[next] === run && through >= searchCost[next]!) continue;
          reachedIn[next] = run;
          searchCost[next] = through;
          if (size === heapNode.length) {
            const nodes = new Int32Array(size * 2);
            const keys = new Float64Array(size * 2);
            nodes.set(heapNode);
            keys.set(heapKey);
            heapNode = nodes;
            heapKey = keys;
          }
          let child = size;
          size += 1;
          while (child > 0) {
            const parent = (child - 1) >> 1;
            if (heapKey[parent]! <= through) break;
            heapNode[child] = heapNode[parent]!;
            heapKey[child] = heapKey[parent]!;
            child = parent;
          }
          heapNode[child] = next;
          heapKey[child] = through;
        }
      }
    }
    for (let index = 0, base = 0; index < reached; index += 1, base += block) {
      for (let slot = firstDown[index]!, end = firstDown[index + 1]!; slot < end; slot += 1) {
        const above = downFrom[slot]!;
        const step = downCost[slot]!;
        for (let lane = 0; lane < block; lane += 1) {
          const through = cost[above + lane]! + step;
          if (through < cost[base + lane]!) cost[base + lane] = through;
        }
      }
    }
    for (let column = 0; column < width; column += 1) {
      const at = targetAt[column]!;
      for (let lane = 0; lane < rows; lane += 1) matrix[(firstRow + lane) * width + column] = cost[at + lane]!;
    }
  }
}

/**
 * Least costs from every source to every target (0-based nodes), row-major,
 * Infinity where no path exists, by restricted PHAST (see `sweepRows`), on
 * this thread.
 */
export function hierarchyMatrix(hierarchy: ContractionHierarchy, sources: Int32Array, targets: Int32Array): Float64Array {
  const matrix = new Float64Array(sources.length * targets.length);
  sweepRows(sweepPlan(hierarchy, sources, targets), 0, sources.length, matrix);
  return matrix;
}

/**
 * The worker's script: `sweepRows` from its own source text. `__name` is the
 * helper esbuild's keepNames (tsx) wraps nested functions in; the kernel has
 * none today, the stand-in keeps a later one from breaking only in workers.
 */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const __name = (target) => target;
const sweepRows = ${sweepRows.toString()};
sweepRows(workerData.plan, workerData.fromRow, workerData.toRow, workerData.matrix);
parentPort.postMessage('done');
`;

/**
 * The same matrix computed by `threads` worker threads, each sweeping its
 * share of the source blocks into one shared result: the request's thread
 * stays free and a 2-core machine finishes in about half the time.
 */
export async function parallelHierarchyMatrix(hierarchy: ContractionHierarchy, sources: Int32Array, targets: Int32Array, threads: number): Promise<Float64Array> {
  const plan = sweepPlan(hierarchy, sources, targets);
  const matrix = new Float64Array(new SharedArrayBuffer(8 * sources.length * targets.length));
  const blocks = Math.ceil(sources.length / BLOCK);
  const shares = Math.max(1, Math.min(threads, blocks));
  const runs: Promise<void>[] = [];
  for (let share = 0; share < shares; share += 1) {
    const fromRow = Math.floor((blocks * share) / shares) * BLOCK;
    const toRow = Math.min(sources.length, Math.floor((blocks * (share + 1)) / shares) * BLOCK);
    runs.push(new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { plan, fromRow, toRow, matrix } });
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`matrix worker stopped with exit code ${code}`))));
    }));
  }
  await Promise.all(runs);
  return matrix;
}
