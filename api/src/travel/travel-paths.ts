import { activeRoadNetwork, pgRoutingPath, readSettings, roadEdgeGeometries, snapToRoadNetwork, type DistanceMethod, type Engine } from '@terep/db';
import { cachedRoadGraph } from '../network/road-graph-cache.ts';
import { ShortestPathSearch } from '../network/shortest-path-search.ts';
import { stitchPath, type EdgeStep } from '../network/stitch-path.ts';
import type { LonLat } from './detour-distance-matrix.ts';
import { routerOf, type Router } from './road-network-matrix.ts';

export interface TravelPaths {
  method: DistanceMethod;
  router?: Router;
  /** Per leg, [lon, lat] vertices from `from` to `to`. */
  paths: [number, number][][];
  /** Legs drawn as a straight line because an end is off the network or no road joins them. */
  unroutableLegs?: number[];
}

/**
 * The road geometry of each leg, [lon, lat] vertices from `from` to `to`: the
 * fastest path along the roads when a network is loaded (joined to the points
 * themselves at both ends); while only the estimate exists, the straight line
 * its distances assume.
 */
export async function travelPaths(engine: Engine, legs: readonly { from: LonLat; to: LonLat }[], router: Router = routerOf(engine)): Promise<TravelPaths> {
  const straight = (leg: { from: LonLat; to: LonLat }): [number, number][] => [[leg.from.lon, leg.from.lat], [leg.to.lon, leg.to.lat]];
  const network = await activeRoadNetwork(engine.db);
  if (!network) {
    const settings = await readSettings(engine.db);
    return {
      method: { kind: 'straight-line-estimate', detourFactor: settings.detourFactor, speedKmh: settings.travelSpeedKmh },
      paths: legs.map(straight),
    };
  }
  const snapped = await snapToRoadNetwork(engine.db, legs.flatMap((leg) => [leg.from, leg.to]));
  const search = router === 'in-app' ? new ShortestPathSearch(await cachedRoadGraph(engine, network.id)) : null;
  const stepsOfLegs: (EdgeStep[] | null)[] = [];
  for (let leg = 0; leg < legs.length; leg += 1) {
    const source = snapped[2 * leg]!.nodeId;
    const target = snapped[2 * leg + 1]!.nodeId;
    if (source === null || target === null) {
      stepsOfLegs.push(null);
    } else if (search) {
      stepsOfLegs.push(search.pathTo(source - 1, target - 1, 'seconds')?.map((step) => ({ edge: step.edge, from: step.from + 1 })) ?? null);
    } else {
      stepsOfLegs.push(await pgRoutingPath(engine.db, source, target));
    }
  }
  const geometries = await roadEdgeGeometries(engine.db, stepsOfLegs.flatMap((steps) => (steps ?? []).map((step) => step.edge)));
  return {
    method: { kind: 'road-network', detourFactor: 1 },
    router,
    paths: legs.map((leg, index) => {
      const steps = stepsOfLegs[index];
      return steps ? [[leg.from.lon, leg.from.lat], ...stitchPath(steps, geometries), [leg.to.lon, leg.to.lat]] : straight(leg);
    }),
    unroutableLegs: stepsOfLegs.flatMap((steps, index) => (steps ? [] : [index])),
  };
}
