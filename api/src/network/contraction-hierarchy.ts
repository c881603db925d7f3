import FlatQueue from 'flatqueue';
import type { RoadGraph } from './road-graph.ts';

/**
 * A contraction hierarchy of one metric. Every node has a rank (its place in
 * the contraction order); a shortest path climbs in rank from the source and,
 * backwards, from the target, and the two climbs meet at its highest node. So a
 * search settles a few thousand nodes instead of a country's million.
 *
 * The upward graph is in CSR form: the arcs of node v are firstUp[v] ..
 * firstUp[v + 1] - 1, each to a higher-ranked node upHead[a], with the cost of
 * v → head in `upForward` and of head → v in `upBackward` (Infinity where that
 * direction does not exist). A forward search reads `upForward`, a backward
 * search `upBackward`, and each reads the other to stall on demand.
 *
 * Hand-written because no npm package offers a contraction hierarchy over
 * typed arrays (the graph libraries keep an object per node and edge, which a
 * country network cannot afford) with a store the database can keep.
 */
export interface ContractionHierarchy {
  nodeCount: number;
  rank: Int32Array;
  firstUp: Int32Array;
  upHead: Int32Array;
  upForward: Float64Array;
  upBackward: Float64Array;
}

/** Bounds on the witness searches (local searches for a path that avoids the node being contracted). */
export interface ContractionOptions {
  /** Nodes a witness search may settle when a node is contracted; giving up only adds a superfluous shortcut. */
  contractSettleLimit?: number;
  /** The same while a node's priority is estimated: cheaper, so the estimate may count a few shortcuts too many. */
  estimateSettleLimit?: number;
  /** Arcs a witness path may have (a shortcut counts as one). */
  hopLimit?: number;
  /** Told the number of nodes contracted so far, every 1 % of them (a country's network takes minutes). */
  progress?: (contracted: number) => void;
}

/**
 * Measured on SYNTHETIC grids (npm run bench -- roads): lower limits leave superfluous shortcuts that make the
 * top of the hierarchy denser and its contraction slower (10 / 50 settled nodes: slower overall); higher ones
 * (60 / 300) cost more searches for 2 % fewer arcs. Hop limits rising with the density (1 → 2 → 3 → 5) left
 * 35 % more arcs on a grid and took three times as long.
 */
/**
 * Up to this many neighbours, a contracted node's neighbours are estimated again at once; past it (the dense top of
 * the hierarchy, where one estimate is a search per neighbour and each search scans hundreds of arcs) they are only
 * marked stale, their contracted-neighbour and depth terms raised, and estimated again when popped (a lazy update).
 * On a 40,000-node grid: the top tenth of the contraction 65 % cheaper, the whole 40 %, for 3 % more arcs.
 */
const EAGER_DEGREE = 8;

const DEFAULTS: Required<Omit<ContractionOptions, 'progress'>> = { contractSettleLimit: 100, estimateSettleLimit: 30, hopLimit: 8 };

/**
 * The graph while it is contracted, with no object per node or edge: each node
 * owns a slice of flat pools holding its neighbours and, per neighbour, the
 * cost to it (`forward`) and from it (`backward`). A node whose slice is full moves to the end of
 * the pools with twice the room. A contracted node is struck from its
 * neighbours' slices and its own slice is frozen: it then holds exactly its
 * arcs to higher-ranked nodes, which become the upward graph.
 */
class ContractionGraph {
  readonly first: Int32Array;
  readonly size: Int32Array;
  readonly room: Int32Array;
  neighbour: Int32Array;
  forward: Float64Array;
  backward: Float64Array;
  private end = 0;

  constructor(readonly nodeCount: number, degree: Int32Array) {
    this.first = new Int32Array(nodeCount);
    this.size = new Int32Array(nodeCount);
    this.room = new Int32Array(nodeCount);
    let total = 0;
    for (let node = 0; node < nodeCount; node += 1) total += degree[node]! + 2;
    const capacity = Math.max(16, Math.ceil(total * 1.5));
    this.neighbour = new Int32Array(capacity);
    this.forward = new Float64Array(capacity);
    this.backward = new Float64Array(capacity);
    for (let node = 0; node < nodeCount; node += 1) {
      this.first[node] = this.end;
      this.room[node] = degree[node]! + 2;
      this.end += this.room[node]!;
    }
  }

  /** Adds u → w (`forward`) and w → u (`backward`) at u, or lowers what u already has towards w. */
  link(u: number, w: number, forward: number, backward: number): void {
    const start = this.first[u]!;
    const stop = start + this.size[u]!;
    for (let slot = start; slot < stop; slot += 1) {
      if (this.neighbour[slot] !== w) continue;
      if (forward < this.forward[slot]!) this.forward[slot] = forward;
      if (backward < this.backward[slot]!) this.backward[slot] = backward;
      return;
    }
    if (this.size[u] === this.room[u]) this.move(u);
    const slot = this.first[u]! + this.size[u]!;
    this.size[u]! += 1;
    this.neighbour[slot] = w;
    this.forward[slot] = forward;
    this.backward[slot] = backward;
  }

  /** Strikes w from u's slice. */
  unlink(u: number, w: number): void {
    const start = this.first[u]!;
    const last = start + this.size[u]! - 1;
    for (let slot = start; slot <= last; slot += 1) {
      if (this.neighbour[slot] !== w) continue;
      this.neighbour[slot] = this.neighbour[last]!;
      this.forward[slot] = this.forward[last]!;
      this.backward[slot] = this.backward[last]!;
      this.size[u]! -= 1;
      return;
    }
  }

  private move(u: number): void {
    const room = this.room[u]! * 2;
    if (this.end + room > this.neighbour.length) this.grow(this.end + room);
    const from = this.first[u]!;
    const count = this.size[u]!;
    this.neighbour.copyWithin(this.end, from, from + count);
    this.forward.copyWithin(this.end, from, from + count);
    this.backward.copyWithin(this.end, from, from + count);
    this.first[u] = this.end;
    this.room[u] = room;
    this.end += room;
  }

  private grow(atLeast: number): void {
    const capacity = Math.max(atLeast, Math.ceil(this.neighbour.length * 1.5));
    const enlarge = <T extends Int32Array | Float64Array>(old: T, make: (length: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.end));
      return next;
    };
    this.neighbour = enlarge(this.neighbour, (length) => new Int32Array(length));
    this.forward = enlarge(this.forward, (length) => new Float64Array(length));
    this.backward = enlarge(this.backward, (length) => new Float64Array(length));
  }
}

/**
 * A binary heap of nodes keyed by their entry in `key`, with decrease-key
 * (each node is in it at most once, so a search pops only what it settles).
 * Positions are trusted only for nodes pushed since the last clear, which the
 * search knows by its own stamps.
 */
class IndexedHeap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(private readonly key: Float64Array) {
    this.heap = new Int32Array(key.length);
    this.position = new Int32Array(key.length);
  }

  clear(): void {
    this.size = 0;
  }

  /** Adds a node whose key is set. */
  push(node: number): void {
    this.up(node, this.size++);
  }

  /** Moves up a node in the heap whose key was just lowered. */
  decrease(node: number): void {
    this.up(node, this.position[node]!);
  }

  pop(): number {
    const { heap, position, key } = this;
    const top = heap[0]!;
    const last = heap[--this.size]!;
    if (this.size === 0) return top;
    const lastKey = key[last]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && key[heap[child + 1]!]! < key[heap[child]!]!) child += 1;
      if (key[heap[child]!]! >= lastKey) break;
      heap[at] = heap[child]!;
      position[heap[at]!] = at;
      at = child;
    }
    heap[at] = last;
    position[last] = at;
    return top;
  }

  private up(node: number, from: number): void {
    const { heap, position, key } = this;
    const nodeKey = key[node]!;
    let at = from;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (key[heap[parent]!]! <= nodeKey) break;
      heap[at] = heap[parent]!;
      position[heap[at]!] = at;
      at = parent;
    }
    heap[at] = node;
    position[node] = at;
  }
}

/**
 * A Dijkstra search from one node over the graph not yet contracted, avoiding
 * the node being contracted, that stops when every target is settled, when the
 * next cost exceeds the bound, or at the settle limit. The costs it finds are
 * upper bounds of the true ones, so stopping early can only add a shortcut
 * that was not needed, never a wrong distance.
 */
class WitnessSearch {
  private readonly cost: Float64Array;
  private readonly hopsTo: Int32Array;
  private readonly reachedIn: Uint32Array;
  private readonly targetIn: Uint32Array;
  private readonly queue: IndexedHeap;
  private run = 0;

  constructor(private readonly graph: ContractionGraph) {
    this.cost = new Float64Array(graph.nodeCount);
    this.queue = new IndexedHeap(this.cost);
    this.hopsTo = new Int32Array(graph.nodeCount);
    this.reachedIn = new Uint32Array(graph.nodeCount);
    this.targetIn = new Uint32Array(graph.nodeCount);
  }

  /** Starts a search; `target` marks the nodes it waits for before `search` is called. */
  begin(): void {
    this.run += 1;
  }

  target(node: number): boolean {
    if (this.targetIn[node] === this.run) return false;
    this.targetIn[node] = this.run;
    return true;
  }

  search(source: number, avoid: number, bound: number, targets: number, settleLimit: number, hopLimit: number): void {
    const { cost, hopsTo, reachedIn, targetIn, queue, run } = this;
    const { first, size, neighbour, forward } = this.graph;
    queue.clear();
    cost[source] = 0;
    hopsTo[source] = 0;
    reachedIn[source] = run;
    queue.push(source);
    let remaining = targets;
    let settled = 0;
    while (queue.size > 0) {
      const node = queue.pop();
      const queued = cost[node]!;
      if (targetIn[node] === run) {
        remaining -= 1;
        if (remaining === 0) return;
      }
      settled += 1;
      if (settled >= settleLimit) return;
      const hops = hopsTo[node]! + 1;
      if (hops > hopLimit) continue;
      for (let slot = first[node]!, stop = slot + size[node]!; slot < stop; slot += 1) {
        const next = neighbour[slot]!;
        const step = forward[slot]!;
        const through = queued + step;
        // Beyond the bound a path is no witness (an absent arc's Infinity is beyond every bound).
        if (through > bound || next === avoid) continue;
        if (reachedIn[next] !== run) {
          reachedIn[next] = run;
          cost[next] = through;
          hopsTo[next] = hops;
          queue.push(next);
        } else if (through < cost[next]!) {
          cost[next] = through;
          hopsTo[next] = hops;
          queue.decrease(next);
        }
      }
    }
  }

  /** The cost found to a node in the current run, Infinity if it was not reached. */
  costTo(node: number): number {
    return this.reachedIn[node] === this.run ? this.cost[node]! : Infinity;
  }
}

/**
 * Contracts the nodes one by one, the cheapest first by priority: twice the
 * edge difference (shortcuts added minus arcs removed), plus the node's
 * contracted neighbours (which spreads contraction evenly over the map) and its
 * depth (one more than its deepest contracted neighbour, which keeps searches
 * shallow). After each contraction the node's neighbours, whose difference has
 * just changed, are estimated again and queued anew (an older entry is
 * skipped when popped), or in the dense top only marked stale and estimated
 * when popped (EAGER_DEGREE). Re-estimating every popped node as well was
 * measured: 17 % more time on a 90,000-node grid for the same hierarchy, so a
 * fresh estimate is trusted.
 */
export function buildContractionHierarchy(graph: Pick<RoadGraph, 'nodeCount' | 'firstArc' | 'arcHead'>, weights: Float64Array, options: ContractionOptions = {}): ContractionHierarchy {
  const { contractSettleLimit, estimateSettleLimit, hopLimit } = { ...DEFAULTS, ...options };
  const { nodeCount, firstArc, arcHead } = graph;
  const degree = new Int32Array(nodeCount);
  for (let u = 0; u < nodeCount; u += 1) {
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc += 1) {
      degree[u]! += 1;
      degree[arcHead[arc]!]! += 1;
    }
  }
  const work = new ContractionGraph(nodeCount, degree);
  for (let u = 0; u < nodeCount; u += 1) {
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc += 1) {
      const w = arcHead[arc]!;
      if (w === u) continue;
      work.link(u, w, weights[arc]!, Infinity);
      work.link(w, u, Infinity, weights[arc]!);
    }
  }

  const witness = new WitnessSearch(work);
  // The shortcuts found by the last look at a node: tail, head, cost.
  let found = { tail: new Int32Array(64), head: new Int32Array(64), cost: new Float64Array(64), count: 0 };
  const keep = (tail: number, head: number, cost: number) => {
    if (found.count === found.tail.length) {
      const length = found.count * 2;
      const next = { tail: new Int32Array(length), head: new Int32Array(length), cost: new Float64Array(length), count: found.count };
      next.tail.set(found.tail);
      next.head.set(found.head);
      next.cost.set(found.cost);
      found = next;
    }
    found.tail[found.count] = tail;
    found.head[found.count] = head;
    found.cost[found.count] = cost;
    found.count += 1;
  };

  /** The shortcuts contracting v needs (into `found`), one witness search per node with an arc into v, to all of v's out-neighbours at once. */
  const findShortcuts = (v: number, settleLimit: number): void => {
    found.count = 0;
    const { first, size, neighbour, forward, backward } = work;
    const start = first[v]!;
    const stop = start + size[v]!;
    for (let inSlot = start; inSlot < stop; inSlot += 1) {
      const toV = backward[inSlot]!;
      if (toV === Infinity) continue;
      const u = neighbour[inSlot]!;
      witness.begin();
      let bound = -1;
      let targets = 0;
      for (let outSlot = start; outSlot < stop; outSlot += 1) {
        const fromV = forward[outSlot]!;
        const w = neighbour[outSlot]!;
        if (fromV === Infinity || w === u) continue;
        if (toV + fromV > bound) bound = toV + fromV;
        if (witness.target(w)) targets += 1;
      }
      if (targets === 0) continue;
      witness.search(u, v, bound, targets, settleLimit, hopLimit);
      for (let outSlot = start; outSlot < stop; outSlot += 1) {
        const fromV = forward[outSlot]!;
        const w = neighbour[outSlot]!;
        if (fromV === Infinity || w === u) continue;
        const through = toV + fromV;
        if (witness.costTo(w) > through) keep(u, w, through);
      }
    }
  };

  const depth = new Int32Array(nodeCount);
  const contractedNeighbours = new Int32Array(nodeCount);
  const priority = new Float64Array(nodeCount);
  const estimate = (v: number): number => {
    findShortcuts(v, estimateSettleLimit);
    const { first, size, forward, backward } = work;
    let removed = 0;
    for (let slot = first[v]!, stop = slot + size[v]!; slot < stop; slot += 1) {
      removed += (forward[slot] === Infinity ? 0 : 1) + (backward[slot] === Infinity ? 0 : 1);
    }
    return 2 * (found.count - removed) + contractedNeighbours[v]! + depth[v]!;
  };

  const queue = new FlatQueue<number>();
  for (let v = 0; v < nodeCount; v += 1) {
    priority[v] = estimate(v);
    queue.push(v, priority[v]!);
  }
  const rank = new Int32Array(nodeCount).fill(-1);
  const stale = new Uint8Array(nodeCount);
  let order = 0;
  while (queue.length > 0) {
    const queued = queue.peekValue()!;
    const v = queue.pop()!;
    // An entry left behind by a later estimate.
    if (rank[v] !== -1 || queued !== priority[v]) continue;
    if (stale[v] === 1) {
      stale[v] = 0;
      priority[v] = estimate(v);
      if (queue.length > 0 && priority[v]! > queue.peekValue()!) {
        queue.push(v, priority[v]!);
        continue;
      }
    }
    findShortcuts(v, contractSettleLimit);
    rank[v] = order;
    order += 1;
    if (options.progress && order % Math.ceil(nodeCount / 100) === 0) options.progress(order);
    const start = work.first[v]!;
    const stop = start + work.size[v]!;
    for (let slot = start; slot < stop; slot += 1) work.unlink(work.neighbour[slot]!, v);
    for (let index = 0; index < found.count; index += 1) {
      const u = found.tail[index]!;
      const w = found.head[index]!;
      work.link(u, w, found.cost[index]!, Infinity);
      work.link(w, u, Infinity, found.cost[index]!);
    }
    // v's slice is frozen from here on. Its neighbours' edge difference has changed: estimate them again.
    for (let slot = start; slot < stop; slot += 1) {
      const u = work.neighbour[slot]!;
      const deeper = Math.max(0, depth[v]! + 1 - depth[u]!);
      contractedNeighbours[u]! += 1;
      depth[u]! += deeper;
      if (stop - start <= EAGER_DEGREE) priority[u] = estimate(u);
      else {
        stale[u] = 1;
        priority[u]! += 1 + deeper;
      }
      queue.push(u, priority[u]!);
    }
  }
  return upwardGraph(work, rank);
}

/** The frozen slices, copied into CSR arrays. */
function upwardGraph(work: ContractionGraph, rank: Int32Array): ContractionHierarchy {
  const { nodeCount, first, size } = work;
  const firstUp = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node += 1) firstUp[node + 1] = firstUp[node]! + size[node]!;
  const arcs = firstUp[nodeCount]!;
  const upHead = new Int32Array(arcs);
  const upForward = new Float64Array(arcs);
  const upBackward = new Float64Array(arcs);
  for (let node = 0; node < nodeCount; node += 1) {
    const from = first[node]!;
    const to = firstUp[node]!;
    const count = size[node]!;
    upHead.set(work.neighbour.subarray(from, from + count), to);
    upForward.set(work.forward.subarray(from, from + count), to);
    upBackward.set(work.backward.subarray(from, from + count), to);
  }
  return { nodeCount, rank, firstUp, upHead, upForward, upBackward };
}
