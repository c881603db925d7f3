import { availableParallelism } from 'node:os';
import type { RoadGraph } from './road-graph.ts';
import type { ContractionHierarchy } from './contraction-hierarchy.ts';
import { parallelHierarchyMatrix } from './hierarchy-matrix.ts';
import { ShortestPathSearch } from './shortest-path-search.ts';

/** Sources × targets, row-major: the fastest time (s) and the shortest length (m) between each pair; Infinity where unreachable. */
export interface TravelCosts {
  seconds: Float64Array;
  metres: Float64Array;
}

/**
 * Many-to-many costs on the graph: two searches per source, one by time and
 * one by length, each stopping when every target is settled. Each figure is
 * the best of its kind, so it does not depend on which of several equally
 * good paths a router happens to pick (pgRouting agrees to the last digit).
 * Nodes are 0-based; repeated sources are searched once.
 */
export function travelCosts(graph: RoadGraph, sources: Int32Array, targets: Int32Array): TravelCosts {
  const search = new ShortestPathSearch(graph);
  const width = targets.length;
  const seconds = new Float64Array(sources.length * width);
  const metres = new Float64Array(sources.length * width);
  const rowOf = new Map<number, number>();
  sources.forEach((source, row) => {
    const earlier = rowOf.get(source);
    if (earlier !== undefined) {
      seconds.copyWithin(row * width, earlier * width, (earlier + 1) * width);
      metres.copyWithin(row * width, earlier * width, (earlier + 1) * width);
      return;
    }
    rowOf.set(source, row);
    seconds.set(search.costsTo(source, targets, 'seconds'), row * width);
    metres.set(search.costsTo(source, targets, 'metres'), row * width);
  });
  return { seconds, metres };
}

/**
 * The same costs from the two contraction hierarchies of the network (one per
 * metric): a few searches per point and a sweep per block of origins instead
 * of one search over the whole graph per origin, on worker threads (every
 * core, the request's thread left free).
 */
export async function hierarchyTravelCosts(hierarchies: { seconds: ContractionHierarchy; metres: ContractionHierarchy }, sources: Int32Array, targets: Int32Array): Promise<TravelCosts> {
  const threads = availableParallelism();
  return {
    seconds: await parallelHierarchyMatrix(hierarchies.seconds, sources, targets, threads),
    metres: await parallelHierarchyMatrix(hierarchies.metres, sources, targets, threads),
  };
}
