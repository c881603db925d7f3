import type { RoadGraphEdges } from '@terep/db';

/**
 * The road network as compressed adjacency arrays (CSR): the arcs leaving node
 * v are firstArc[v] .. firstArc[v + 1] - 1. Typed arrays keep a country's
 * million edges in a few tens of MB with no object per edge. Node v is the
 * database node id v + 1; arcEdge holds the database edge id.
 */
export interface RoadGraph {
  nodeCount: number;
  firstArc: Int32Array;
  arcHead: Int32Array;
  arcEdge: Int32Array;
  arcSeconds: Float64Array;
  arcMetres: Float64Array;
}

/** Two arcs per two-way edge, one per one-way edge, none against a one-way (negative cost). */
export function buildRoadGraph(edges: RoadGraphEdges): RoadGraph {
  const edgeCount = edges.source.length;
  const degree = new Int32Array(edges.nodeCount + 1);
  for (let edge = 0; edge < edgeCount; edge += 1) {
    if (edges.costS[edge]! >= 0) degree[edges.source[edge]!]! += 1;
    if (edges.reverseCostS[edge]! >= 0) degree[edges.target[edge]!]! += 1;
  }
  // degree is indexed by node id (1-based): shifting it by one gives 0-based CSR offsets.
  const firstArc = new Int32Array(edges.nodeCount + 1);
  for (let node = 0; node < edges.nodeCount; node += 1) firstArc[node + 1] = firstArc[node]! + degree[node + 1]!;
  const arcCount = firstArc[edges.nodeCount]!;
  const graph: RoadGraph = {
    nodeCount: edges.nodeCount,
    firstArc,
    arcHead: new Int32Array(arcCount),
    arcEdge: new Int32Array(arcCount),
    arcSeconds: new Float64Array(arcCount),
    arcMetres: new Float64Array(arcCount),
  };
  const fill = firstArc.slice(0, edges.nodeCount);
  const addArc = (tail: number, head: number, edge: number, seconds: number) => {
    const arc = fill[tail]!++;
    graph.arcHead[arc] = head;
    graph.arcEdge[arc] = edge + 1;
    graph.arcSeconds[arc] = seconds;
    graph.arcMetres[arc] = edges.lengthM[edge]!;
  };
  for (let edge = 0; edge < edgeCount; edge += 1) {
    const tail = edges.source[edge]! - 1;
    const head = edges.target[edge]! - 1;
    if (edges.costS[edge]! >= 0) addArc(tail, head, edge, edges.costS[edge]!);
    if (edges.reverseCostS[edge]! >= 0) addArc(head, tail, edge, edges.reverseCostS[edge]!);
  }
  return graph;
}
