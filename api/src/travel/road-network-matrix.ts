import { pgRoutingCosts, snapToRoadNetwork, type Engine, type RoadNetworkSummary, type SnappedPoint } from '@terep/db';
import { cachedRoadGraph } from '../network/road-graph-cache.ts';
import { cachedRoadHierarchies } from '../network/road-hierarchy-cache.ts';
import { cachedTravelCosts } from '../network/travel-cost-cache.ts';
import { hierarchyTravelCosts, travelCosts, type TravelCosts } from '../network/travel-costs.ts';
import type { LonLat } from './detour-distance-matrix.ts';
import type { TravelMatrix } from './travel-matrix.ts';

/** Where shortest paths are computed: in the database with pgRouting, or in the application. */
export type Router = 'pgrouting' | 'in-app';

/** The router an engine uses: pgRouting where the server has it. */
export function routerOf(engine: Engine): Router {
  return engine.capabilities.pgRouting ? 'pgrouting' : 'in-app';
}

/**
 * From this many distinct origins and destinations on, a matrix is computed on
 * the network's contraction hierarchies (in the app, on either engine): one
 * search per point costs far less than one per origin over the whole graph,
 * and building the hierarchies once (then stored) pays for itself.
 */
export const HIERARCHY_MIN_POINTS = 200;

/** Where a matrix of this shape is computed. */
export function matrixRouterOf(engine: Engine, sources: number, targets: number): Router {
  return Math.min(sources, targets) >= HIERARCHY_MIN_POINTS ? 'in-app' : routerOf(engine);
}

/**
 * Travel times and distances on the loaded road network: every point is
 * snapped to its nearest routable node (points too far from one are reported
 * as unroutable, their rows and columns Infinity), then node-to-node costs come
 * from the router. Durations are of the fastest path, distances of the shortest.
 */
export async function roadNetworkTravelMatrix(
  engine: Engine,
  network: RoadNetworkSummary,
  origins: readonly LonLat[],
  destinations: readonly LonLat[],
  chosenRouter?: Router,
): Promise<TravelMatrix> {
  const snapped = await snapToRoadNetwork(engine.db, [...origins, ...destinations]);
  const originNodes = snapped.slice(0, origins.length);
  const destinationNodes = snapped.slice(origins.length);
  const sources = routableNodes(originNodes);
  const targets = routableNodes(destinationNodes);
  const router = chosenRouter ?? matrixRouterOf(engine, sources.length, targets.length);
  const { seconds, metres } = router === 'pgrouting'
    ? await pgRoutingTravelCosts(engine, sources, targets)
    : await inAppTravelCosts(engine, network.id, Int32Array.from(sources, (node) => node - 1), Int32Array.from(targets, (node) => node - 1));

  const width = destinations.length;
  const distanceKm = new Float64Array(origins.length * width).fill(Infinity);
  const durationMin = new Float64Array(origins.length * width).fill(Infinity);
  const sourceRow = indexOfEach(originNodes);
  const targetColumn = indexOfEach(destinationNodes);
  for (let origin = 0; origin < origins.length; origin += 1) {
    const row = sourceRow[origin]!;
    if (row < 0) continue;
    for (let destination = 0; destination < width; destination += 1) {
      const column = targetColumn[destination]!;
      if (column < 0) continue;
      distanceKm[origin * width + destination] = metres[row * targets.length + column]! / 1000;
      durationMin[origin * width + destination] = seconds[row * targets.length + column]! / 60;
    }
  }
  return {
    method: { kind: 'road-network', detourFactor: 1 },
    router,
    origins: origins.length,
    destinations: destinations.length,
    distanceKm,
    durationMin,
    unroutable: { origins: unroutableIndices(originNodes), destinations: unroutableIndices(destinationNodes) },
  };
}

/** In the app, cached per network load: on the hierarchies for a large matrix, else one Dijkstra search per origin. */
function inAppTravelCosts(engine: Engine, networkId: number, sources: Int32Array, targets: Int32Array): Promise<TravelCosts> {
  return cachedTravelCosts(engine, networkId, sources, targets, async () => (Math.min(sources.length, targets.length) >= HIERARCHY_MIN_POINTS
    ? hierarchyTravelCosts(await cachedRoadHierarchies(engine, networkId), sources, targets)
    : travelCosts(await cachedRoadGraph(engine, networkId), sources, targets)));
}

/** The distinct snapped nodes, in first-seen order. */
function routableNodes(points: readonly SnappedPoint[]): number[] {
  return [...new Set(points.flatMap((point) => (point.nodeId === null ? [] : [point.nodeId])))];
}

/** For each point, its node's position among the distinct nodes, or -1 when unroutable. */
function indexOfEach(points: readonly SnappedPoint[]): Int32Array {
  const position = new Map(routableNodes(points).map((node, index) => [node, index]));
  return Int32Array.from(points, (point) => (point.nodeId === null ? -1 : position.get(point.nodeId)!));
}

function unroutableIndices(points: readonly SnappedPoint[]): number[] {
  return points.flatMap((point, index) => (point.nodeId === null ? [index] : []));
}

/** The same costs from pgRouting: best time and best length per pair, in the in-app router's layout. */
async function pgRoutingTravelCosts(engine: Engine, sources: readonly number[], targets: readonly number[]): Promise<{ seconds: Float64Array; metres: Float64Array }> {
  const column = new Map(targets.map((node, index) => [node, index]));
  const row = new Map(sources.map((node, index) => [node, index]));
  const layout = async (metric: 'duration' | 'distance'): Promise<Float64Array> => {
    const matrix = new Float64Array(sources.length * targets.length).fill(Infinity);
    // pgRouting leaves out a node's cost to itself.
    sources.forEach((node, index) => {
      if (column.has(node)) matrix[index * targets.length + column.get(node)!] = 0;
    });
    for (const entry of await pgRoutingCosts(engine.db, sources, targets, metric)) {
      const base = row.get(entry.source)! * targets.length;
      entry.targets.forEach((target, index) => {
        matrix[base + column.get(target)!] = entry.costs[index]!;
      });
    }
    return matrix;
  };
  return { seconds: await layout('duration'), metres: await layout('distance') };
}
