import { buildContractionHierarchy, type ContractionHierarchy } from './contraction-hierarchy.ts';
import type { RoadGraph } from './road-graph.ts';

/** A network's arcs and one metric's costs: all a contraction needs. */
export interface BuildHierarchyInput extends Pick<RoadGraph, 'nodeCount' | 'firstArc' | 'arcHead'> {
  weights: Float64Array;
}

/**
 * One metric's hierarchy built in a worker thread (`runInWorker(url, 'buildHierarchyTask', ...)`):
 * a country's network takes minutes of contraction, which on the server's thread would hold every
 * request for as long.
 */
export function buildHierarchyTask(input: BuildHierarchyInput): ContractionHierarchy {
  return buildContractionHierarchy(input, input.weights);
}
