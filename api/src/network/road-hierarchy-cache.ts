import { readRoadHierarchy, writeRoadHierarchy, type Engine, type HierarchyMetric } from '@terep/db';
import { runInWorker } from '../jobs/run-in-worker.ts';
import type { BuildHierarchyInput } from './build-hierarchy-task.ts';
import type { ContractionHierarchy } from './contraction-hierarchy.ts';
import { deserialiseHierarchy, serialiseHierarchy } from './hierarchy-store.ts';
import { cachedRoadGraph } from './road-graph-cache.ts';

export interface RoadHierarchies {
  seconds: ContractionHierarchy;
  metres: ContractionHierarchy;
}

const BUILD_TASK = new URL('./build-hierarchy-task.ts', import.meta.url);

const cache = new WeakMap<Engine, { networkId: number; hierarchies: Promise<RoadHierarchies> }>();

/**
 * The loaded network's contraction hierarchies (fastest time, shortest length):
 * kept in memory for the engine's life, read from the database after a
 * restart, and built (then stored) only the first time a network is asked for one,
 * each in a worker thread of its own (both at once, off the server's thread).
 */
export function cachedRoadHierarchies(engine: Engine, networkId: number): Promise<RoadHierarchies> {
  const cached = cache.get(engine);
  if (cached?.networkId === networkId) return cached.hierarchies;
  const hierarchies = Promise.all([storedOrBuilt(engine, networkId, 'seconds'), storedOrBuilt(engine, networkId, 'metres')])
    .then(([seconds, metres]) => ({ seconds, metres }));
  cache.set(engine, { networkId, hierarchies });
  hierarchies.catch(() => cache.delete(engine));
  return hierarchies;
}

async function storedOrBuilt(engine: Engine, networkId: number, metric: HierarchyMetric): Promise<ContractionHierarchy> {
  const graph = await cachedRoadGraph(engine, networkId);
  const stored = await readRoadHierarchy(engine.db, networkId, metric);
  const readBack = stored ? deserialiseHierarchy(stored, graph.nodeCount) : null;
  if (readBack) return readBack;
  const input: BuildHierarchyInput = { nodeCount: graph.nodeCount, firstArc: graph.firstArc, arcHead: graph.arcHead, weights: metric === 'seconds' ? graph.arcSeconds : graph.arcMetres };
  const built = await runInWorker<BuildHierarchyInput, ContractionHierarchy>(BUILD_TASK, 'buildHierarchyTask', input);
  await writeRoadHierarchy(engine.db, networkId, metric, serialiseHierarchy(built));
  return built;
}
