import { Worker } from 'node:worker_threads';
import type { ContractionHierarchy } from './contraction-hierarchy.ts';

/** Sources swept together: their costs sit side by side, so one pass over the arcs serves them all. */
const BLOCK = 16;

/**
 * What the sweeps of one matrix read, in flat typed arrays only (so a worker
 * thread takes it as it is). Every node some source reaches going up the
 * hierarchy (the up set) or from which some target is reached going down (the
 * down set) has a position, by rank, and the costs of a block of sources sit
 * side by side at position × block.
 */
export interface SweepPlan {
  /** Sources swept together (BLOCK). */
  block: number;
  /** Nodes with a position. */
  positions: number;
  /** The up set, lowest rank first: each node's position × block, and its arcs up (upTo: position × block, upCost). */
  upAt: Int32Array;
  firstUpArc: Int32Array;
  upTo: Int32Array;
  upCost: Float64Array;
  /** The down set, highest rank first: each node's position × block, and its arcs down from higher nodes (downFrom, downCost). */
  downAt: Int32Array;
  firstDownArc: Int32Array;
  downFrom: Int32Array;
  downCost: Float64Array;
  /** Per source and per target, its position × block. */
  sourceAt: Int32Array;
  targetAt: Int32Array;
}

/**
 * Lays out a matrix for restricted PHAST, once for all sources: the up set is
 * marked by a walk up from every source (along arcs that exist upwards), the
 * down set by a walk up from every target along arcs that exist downwards.
 */
export function sweepPlan(hierarchy: ContractionHierarchy, sources: Int32Array, targets: Int32Array): SweepPlan {
  const { nodeCount, rank, firstUp, upHead, upForward, upBackward } = hierarchy;
  const IN_UP = 1;
  const IN_DOWN = 2;
  const member = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const mark = (starts: Int32Array, costs: Float64Array, flag: number): number => {
    let count = 0;
    for (const start of starts) {
      if (member[start]! & flag) continue;
      member[start]! |= flag;
      let top = 0;
      stack[top++] = start;
      while (top > 0) {
        const node = stack[--top]!;
        count += 1;
        for (let arc = firstUp[node]!, end = firstUp[node + 1]!; arc < end; arc += 1) {
          const above = upHead[arc]!;
          if (costs[arc] === Infinity || member[above]! & flag) continue;
          member[above]! |= flag;
          stack[top++] = above;
        }
      }
    }
    return count;
  };
  const upCount = mark(sources, upForward, IN_UP);
  const downCount = mark(targets, upBackward, IN_DOWN);
  // Ranks are a permutation: positions by rank without a comparison sort.
  const nodeOfRank = new Int32Array(nodeCount).fill(-1);
  for (let node = 0; node < nodeCount; node += 1) if (member[node] !== 0) nodeOfRank[rank[node]!] = node;
  const at = new Int32Array(nodeCount).fill(-1);
  let positions = 0;
  for (let order = 0; order < nodeCount; order += 1) {
    const node = nodeOfRank[order]!;
    if (node !== -1) at[node] = BLOCK * positions++;
  }
  const upNodes = new Int32Array(upCount);
  const downNodes = new Int32Array(downCount);
  for (let order = 0, up = 0, down = downCount - 1; order < nodeCount; order += 1) {
    const node = nodeOfRank[order]!;
    if (node === -1) continue;
    if (member[node]! & IN_UP) upNodes[up++] = node;
    if (member[node]! & IN_DOWN) downNodes[down--] = node;
  }
  // Each set's arcs in CSR by sweep order: the arcs up for the up set, the arcs down (read from below) for the down set.
  const layout = (nodes: Int32Array, costs: Float64Array) => {
    const nodeAt = Int32Array.from(nodes, (node) => at[node]!);
    const firstArc = new Int32Array(nodes.length + 1);
    nodes.forEach((node, index) => {
      let arcs = 0;
      for (let arc = firstUp[node]!, end = firstUp[node + 1]!; arc < end; arc += 1) if (costs[arc] !== Infinity) arcs += 1;
      firstArc[index + 1] = firstArc[index]! + arcs;
    });
    const other = new Int32Array(firstArc[nodes.length]!);
    const cost = new Float64Array(firstArc[nodes.length]!);
    nodes.forEach((node, index) => {
      let slot = firstArc[index]!;
      for (let arc = firstUp[node]!, end = firstUp[node + 1]!; arc < end; arc += 1) {
        if (costs[arc] === Infinity) continue;
        other[slot] = at[upHead[arc]!]!;
        cost[slot] = costs[arc]!;
        slot += 1;
      }
    });
    return { nodeAt, firstArc, other, cost };
  };
  const up = layout(upNodes, upForward);
  const down = layout(downNodes, upBackward);
  return {
    block: BLOCK,
    positions,
    upAt: up.nodeAt,
    firstUpArc: up.firstArc,
    upTo: up.other,
    upCost: up.cost,
    downAt: down.nodeAt,
    firstDownArc: down.firstArc,
    downFrom: down.other,
    downCost: down.cost,
    sourceAt: Int32Array.from(sources, (source) => at[source]!),
    targetAt: Int32Array.from(targets, (target) => at[target]!),
  };
}

/**
 * Rows `fromRow` .. `toRow` - 1 of the matrix (row-major, one row per source,
 * one column per target), a block of sources at a time, with no queue: a
 * sweep up the up set in rank order (arcs up only lead to higher ranks, so a
 * node's cost is final when the sweep reaches it) gives each source's costs up
 * the hierarchy, skipping the nodes this block never reached; a sweep down the
 * down set then gives every node the cheapest of its higher neighbours plus
 * the arc down. The cheapest up-then-down path is the shortest path, so the
 * targets' entries are exactly Dijkstra's costs. Both sweeps read flat arrays
 * in order and serve the whole block per arc.
 *
 * Self-contained (no imports, no helpers, nothing from the module): a worker
 * thread runs it from its source text and is ready in about 25 ms, where one
 * that loads a module through tsx (`runInWorker`, as the solvers and the
 * hierarchy builds do) takes about 130 ms, paid twice per matrix (measured
 * 2026-12-04: a trivial task through each).
 */
export function sweepRows(plan: SweepPlan, fromRow: number, toRow: number, matrix: Float64Array): void {
  const { block, positions, upAt, firstUpArc, upTo, upCost, downAt, firstDownArc, downFrom, downCost, sourceAt, targetAt } = plan;
  const width = targetAt.length;
  const upCount = upAt.length;
  const downCount = downAt.length;
  const cost = new Float64Array(positions * block);
  // Per position, whether the block reached it going up (else all its lanes are Infinity).
  const reached = new Uint8Array(positions);
  for (let firstRow = fromRow; firstRow < toRow; firstRow += block) {
    const rows = Math.min(block, toRow - firstRow);
    cost.fill(Infinity);
    reached.fill(0);
    for (let lane = 0; lane < rows; lane += 1) {
      const at = sourceAt[firstRow + lane]!;
      cost[at + lane] = 0;
      reached[at / block] = 1;
    }
    for (let index = 0; index < upCount; index += 1) {
      const from = upAt[index]!;
      if (reached[from / block] === 0) continue;
      for (let slot = firstUpArc[index]!, end = firstUpArc[index + 1]!; slot < end; slot += 1) {
        const to = upTo[slot]!;
        const step = upCost[slot]!;
        reached[to / block] = 1;
        for (let lane = 0; lane < block; lane += 1) {
          const through = cost[from + lane]! + step;
          if (through < cost[to + lane]!) cost[to + lane] = through;
        }
      }
    }
    for (let index = 0; index < downCount; index += 1) {
      const base = downAt[index]!;
      for (let slot = firstDownArc[index]!, end = firstDownArc[index + 1]!; slot < end; slot += 1) {
        const from = downFrom[slot]!;
        const step = downCost[slot]!;
        for (let lane = 0; lane < block; lane += 1) {
          const through = cost[from + lane]! + step;
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
