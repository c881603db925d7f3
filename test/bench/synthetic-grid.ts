import type { RoadGraphEdges } from '@terep/db';
import type { Rng } from '../../api/src/routing/rng.ts';

/**
 * A SYNTHETIC square grid standing in for a road network (`npm run bench -- network` and `-- roads`):
 * 250 m between junctions, every street two-way, speeds drawn from the seeded generator (30–90 km/h).
 */
export function syntheticGrid(side: number, rng: Rng): RoadGraphEdges {
  const edgeCount = 2 * side * (side - 1);
  const edges: RoadGraphEdges = {
    nodeCount: side * side,
    source: new Int32Array(edgeCount),
    target: new Int32Array(edgeCount),
    lengthM: new Float64Array(edgeCount).fill(250),
    costS: new Float64Array(edgeCount),
    reverseCostS: new Float64Array(edgeCount),
  };
  let edge = 0;
  for (let row = 0; row < side; row += 1) {
    for (let column = 0; column < side; column += 1) {
      const node = row * side + column + 1;
      for (const next of [column + 1 < side ? node + 1 : 0, row + 1 < side ? node + side : 0]) {
        if (next === 0) continue;
        edges.source[edge] = node;
        edges.target[edge] = next;
        edges.costS[edge] = edges.reverseCostS[edge] = 250 / ((30 + 60 * rng.nextFloat()) / 3.6);
        edge += 1;
      }
    }
  }
  return edges;
}
