import { readRoadHierarchy, writeRoadHierarchy, type Engine, type HierarchyMetric } from '@terep/db';
import { buildContractionHierarchy, type ContractionHierarchy } from './contraction-hierarchy.ts';
import { deserialiseHierarchy, serialiseHierarchy } from './hierarchy-store.ts';
import { cachedRoadGraph } from './road-graph-cache.ts';

export interface RoadHierarchies {
  seconds: ContractionHierarchy;
  metres: ContractionHierarchy;
}

const cache = new WeakMap<Engine, { networkId: number; hierarchies: Promise<RoadHierarchies> }>();

/**
 * The loaded network's contraction hierarchies (fastest time, shortest length):
 * kept in memory for the engine's life, read from the database after a
 * restart, and built (then stored) only the first time a network is asked for one.
 */
export function cachedRoadHierarchies(engine: Engine, networkId: number): Promise<RoadHierarchies> {
  const cached = cache.get(engine);
  if (cached?.networkId === networkId) return cached.hierarchies;
  const hierarchies = (async () => ({
    seconds: await storedOrBuilt(engine, networkId, 'seconds'),
    metres: await storedOrBuilt(engine, networkId, 'metres'),
  }))();
  cache.set(engine, { networkId, hierarchies });
  hierarchies.catch(() => cache.delete(engine));
  return hierarchies;
}

async function storedOrBuilt(engine: Engine, networkId: number, metric: HierarchyMetric): Promise<ContractionHierarchy> {
  const graph = await cachedRoadGraph(engine, networkId);
  const stored = await readRoadHierarchy(engine.db, networkId, metric);
  const readBack = stored ? deserialiseHierarchy(stored, graph.nodeCount) : null;
  if (readBack) return readBack;
  const built = buildContractionHierarchy(graph, metric === 'seconds' ? graph.arcSeconds : graph.arcMetres);
  await writeRoadHierarchy(engine.db, networkId, metric, serialiseHierarchy(built));
  return built;
}
