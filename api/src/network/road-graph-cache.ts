import { roadGraphEdges, type Engine } from '@terep/db';
import { buildRoadGraph, type RoadGraph } from './road-graph.ts';

const cache = new WeakMap<Engine, { networkId: number; graph: Promise<RoadGraph> }>();

/**
 * The loaded network's graph for the in-app router, read from the database
 * once per network (a new load has a new id) and kept for the engine's life.
 */
export function cachedRoadGraph(engine: Engine, networkId: number): Promise<RoadGraph> {
  const cached = cache.get(engine);
  if (cached?.networkId === networkId) return cached.graph;
  const graph = roadGraphEdges(engine.db).then(buildRoadGraph);
  cache.set(engine, { networkId, graph });
  graph.catch(() => cache.delete(engine));
  return graph;
}
