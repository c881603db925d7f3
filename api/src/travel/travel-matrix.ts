import { activeRoadNetwork, readSettings, type DistanceMethod, type Engine } from '@terep/db';
import { detourDistanceMatrix, type LonLat } from './detour-distance-matrix.ts';
import { roadNetworkTravelMatrix, type Router } from './road-network-matrix.ts';

export type { LonLat };
export { travelPaths, type TravelPaths } from './travel-paths.ts';

/**
 * Origins × destinations travel distances and times, row-major. The one source
 * every analysis reads (coverage, siting, routing), so they agree with each
 * other and every answer can say how its distances were measured.
 */
export interface TravelMatrix {
  method: DistanceMethod;
  /** On the road network: where the shortest paths were computed. */
  router?: Router;
  origins: number;
  destinations: number;
  /** Kilometres (on the network: of the shortest path); Infinity where no path exists. */
  distanceKm: Float64Array;
  /** Minutes (on the network: of the fastest path); Infinity where no path exists. */
  durationMin: Float64Array;
  /** Indices of origins / destinations farther than MAX_SNAP_DISTANCE_M from any routable road node. */
  unroutable: { origins: number[]; destinations: number[] };
}

/**
 * The estimate used while no road network is loaded: great-circle distance
 * times the detour factor, driven at the set speed.
 */
export async function estimatedTravelMatrix(engine: Engine, origins: readonly LonLat[], destinations: readonly LonLat[]): Promise<TravelMatrix> {
  const settings = await readSettings(engine.db);
  const distanceKm = detourDistanceMatrix(origins, destinations, settings.detourFactor);
  const minutesPerKm = 60 / settings.travelSpeedKmh;
  return {
    method: { kind: 'straight-line-estimate', detourFactor: settings.detourFactor, speedKmh: settings.travelSpeedKmh },
    origins: origins.length,
    destinations: destinations.length,
    distanceKm,
    durationMin: distanceKm.map((km) => km * minutesPerKm),
    unroutable: { origins: [], destinations: [] },
  };
}

/** Travel distances and times between points: on the road network when one is loaded, else estimated. */
export async function travelMatrix(engine: Engine, origins: readonly LonLat[], destinations: readonly LonLat[]): Promise<TravelMatrix> {
  const network = await activeRoadNetwork(engine.db);
  return network ? roadNetworkTravelMatrix(engine, network, origins, destinations) : estimatedTravelMatrix(engine, origins, destinations);
}
