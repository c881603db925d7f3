import type { RoadEdgeGeometry } from '@terep/db';

/** A step as routers report it: the edge and the node it was entered from (database ids). */
export interface EdgeStep {
  edge: number;
  from: number;
}

/**
 * Joins the edges of a path into one line, each edge's vertices in the
 * direction it was driven (an edge is stored from its source node to its
 * target node), without repeating the node shared by two edges.
 */
export function stitchPath(steps: readonly EdgeStep[], geometries: ReadonlyMap<number, RoadEdgeGeometry>): [number, number][] {
  const line: [number, number][] = [];
  for (const step of steps) {
    const geometry = geometries.get(step.edge);
    if (!geometry) throw new Error(`road edge ${step.edge} has no geometry`);
    const ordered = geometry.source === step.from ? geometry.coordinates : [...geometry.coordinates].reverse();
    line.push(...(line.length > 0 ? ordered.slice(1) : ordered));
  }
  return line;
}
