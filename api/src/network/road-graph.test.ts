import type { RoadGraphEdges } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from './road-graph.ts';
import { ShortestPathSearch } from './shortest-path-search.ts';
import { stitchPath } from './stitch-path.ts';
import { travelCosts } from './travel-costs.ts';

/**
 *   1 ──(100 m, 10 s)── 2 ──(100 m, 10 s)── 3
 *   └────────(150 m, 30 s, one-way 1 → 3)────┘
 * plus node 4, reachable from nowhere.
 */
function smallGraph(): RoadGraphEdges {
  return {
    nodeCount: 4,
    source: Int32Array.of(1, 2, 1),
    target: Int32Array.of(2, 3, 3),
    lengthM: Float64Array.of(100, 100, 150),
    costS: Float64Array.of(10, 10, 30),
    reverseCostS: Float64Array.of(10, 10, -1),
  };
}

describe('the in-app router', () => {
  const graph = buildRoadGraph(smallGraph());

  it('builds one arc per drivable direction', () => {
    expect(graph.arcHead.length).toBe(5);
    expect([...graph.firstArc]).toEqual([0, 2, 4, 5, 5]);
  });

  it('gives the fastest time and the shortest length, each the best of its kind', () => {
    const { seconds, metres } = travelCosts(graph, Int32Array.of(0, 2, 0), Int32Array.of(0, 2, 3));
    expect([...seconds]).toEqual([0, 20, Infinity, 20, 0, Infinity, 0, 20, Infinity]);
    // 1 → 3: the one-way is shorter (150 m) but slower; 3 → 1 cannot use it.
    expect([...metres]).toEqual([0, 150, Infinity, 200, 0, Infinity, 0, 150, Infinity]);
  });

  it('measures from the nearest of several sources in one search', () => {
    const search = new ShortestPathSearch(graph);
    expect([...search.nearestCostsTo(Int32Array.of(0, 2), Int32Array.of(0, 1, 2, 3), 'metres')]).toEqual([0, 100, 0, Infinity]);
  });

  it('finds the fastest path and draws it in the driving direction', () => {
    const search = new ShortestPathSearch(graph);
    const steps = search.pathTo(2, 0, 'seconds')!;
    expect(steps).toEqual([{ edge: 2, from: 2 }, { edge: 1, from: 1 }]);
    const geometries = new Map([
      [1, { source: 1, coordinates: [[0, 0], [0.0005, 0], [0.001, 0]] as [number, number][] }],
      [2, { source: 2, coordinates: [[0.001, 0], [0.002, 0]] as [number, number][] }],
    ]);
    const line = stitchPath(steps.map((step) => ({ edge: step.edge, from: step.from + 1 })), geometries);
    expect(line).toEqual([[0.002, 0], [0.001, 0], [0.0005, 0], [0, 0]]);
    expect(search.pathTo(0, 3, 'seconds')).toBeNull();
    expect(search.pathTo(1, 1, 'seconds')).toEqual([]);
  });
});
