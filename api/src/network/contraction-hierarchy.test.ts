import type { RoadGraphEdges } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { Rng } from '../routing/rng.ts';
import { buildContractionHierarchy } from './contraction-hierarchy.ts';
import { hierarchyMatrix, parallelHierarchyMatrix } from './hierarchy-matrix.ts';
import { buildRoadGraph, type RoadGraph } from './road-graph.ts';
import { ShortestPathSearch } from './shortest-path-search.ts';

/** A random road-like graph: a jittered grid with some diagonals, one-way streets, equal weights and an island. */
function randomGraph(seed: number, side: number): RoadGraphEdges {
  const rng = new Rng(seed);
  const source: number[] = [];
  const target: number[] = [];
  const lengthM: number[] = [];
  const costS: number[] = [];
  const reverseCostS: number[] = [];
  const add = (a: number, b: number) => {
    // Ties on purpose: lengths come from a few values, so many paths are equally short.
    const length = [100, 200, 250][rng.nextInt(3)]!;
    const speed = 20 + rng.nextInt(70);
    const oneWay = rng.nextFloat() < 0.15;
    source.push(a + 1);
    target.push(b + 1);
    lengthM.push(length);
    costS.push(length / speed);
    reverseCostS.push(oneWay ? -1 : length / speed);
  };
  for (let row = 0; row < side; row += 1) {
    for (let column = 0; column < side; column += 1) {
      const node = row * side + column;
      if (column + 1 < side && rng.nextFloat() < 0.9) add(node, node + 1);
      if (row + 1 < side && rng.nextFloat() < 0.9) add(node, node + side);
      if (row + 1 < side && column + 1 < side && rng.nextFloat() < 0.1) add(node, node + side + 1);
    }
  }
  // Two extra nodes joined only to each other: unreachable from the grid.
  const island = side * side;
  add(island, island + 1);
  return {
    nodeCount: side * side + 2,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    lengthM: Float64Array.from(lengthM),
    costS: Float64Array.from(costS),
    reverseCostS: Float64Array.from(reverseCostS),
  };
}

function dijkstraMatrix(graph: RoadGraph, sources: Int32Array, targets: Int32Array, metric: 'seconds' | 'metres'): Float64Array {
  const search = new ShortestPathSearch(graph);
  const matrix = new Float64Array(sources.length * targets.length);
  sources.forEach((source, row) => matrix.set(search.costsTo(source, targets, metric), row * targets.length));
  return matrix;
}

function expectSameCosts(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let index = 0; index < expected.length; index += 1) {
    const want = expected[index]!;
    const got = actual[index]!;
    if (want === Infinity) expect(got, `cell ${index}`).toBe(Infinity);
    // Shortcut weights add the same arc weights in another order: equal up to rounding.
    else expect(Math.abs(got - want), `cell ${index}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
  }
}

describe('contraction hierarchy', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`gives the same matrix as Dijkstra on random graph ${seed}, by time and by length`, () => {
      const graph = buildRoadGraph(randomGraph(seed, 14));
      const rng = new Rng(seed * 7919);
      const pick = (count: number) => Int32Array.from({ length: count }, () => rng.nextInt(graph.nodeCount));
      const sources = pick(25);
      const targets = pick(30);
      for (const metric of ['seconds', 'metres'] as const) {
        const hierarchy = buildContractionHierarchy(graph, metric === 'seconds' ? graph.arcSeconds : graph.arcMetres);
        expectSameCosts(hierarchyMatrix(hierarchy, sources, targets), dijkstraMatrix(graph, sources, targets, metric));
      }
    });
  }

  it('stays exact when witness searches give up at once (only superfluous shortcuts are added)', () => {
    const graph = buildRoadGraph(randomGraph(11, 10));
    const nodes = Int32Array.from({ length: graph.nodeCount }, (_, index) => index);
    const hierarchy = buildContractionHierarchy(graph, graph.arcSeconds, { contractSettleLimit: 1, estimateSettleLimit: 1, hopLimit: 1 });
    expectSameCosts(hierarchyMatrix(hierarchy, nodes, nodes), dijkstraMatrix(graph, nodes, nodes, 'seconds'));
  });

  it('gives the same matrix on worker threads, the source blocks shared out unevenly', async () => {
    const graph = buildRoadGraph(randomGraph(7, 12));
    const rng = new Rng(77);
    // 53 sources: three full blocks of 16 and a short one, over two and three threads.
    const sources = Int32Array.from({ length: 53 }, () => rng.nextInt(graph.nodeCount));
    const targets = Int32Array.from({ length: 41 }, () => rng.nextInt(graph.nodeCount));
    const hierarchy = buildContractionHierarchy(graph, graph.arcMetres);
    const dijkstra = dijkstraMatrix(graph, sources, targets, 'metres');
    for (const threads of [2, 3]) expectSameCosts(await parallelHierarchyMatrix(hierarchy, sources, targets, threads), dijkstra);
  });

  it('ranks every node once', () => {
    const graph = buildRoadGraph(randomGraph(3, 8));
    const hierarchy = buildContractionHierarchy(graph, graph.arcSeconds);
    expect([...hierarchy.rank].sort((a, b) => a - b)).toEqual(Array.from({ length: graph.nodeCount }, (_, index) => index));
  });
});
