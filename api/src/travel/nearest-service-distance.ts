import { planningInstitutions, planningSettlements, snapToRoadNetwork, type Engine, type RoadNetworkSummary } from '@terep/db';
import { cachedRoadGraph } from '../network/road-graph-cache.ts';
import { ShortestPathSearch } from '../network/shortest-path-search.ts';
import type { LonLat } from './detour-distance-matrix.ts';

/**
 * Road distance (km, shortest) from the nearest of `services` to each place:
 * one search started from every service at once, so coverage of the whole
 * country is a single pass whatever the number of services (pgRouting has no
 * such multi-source search, so this runs in the app on every engine). Null
 * where the place is off the network or no service reaches it.
 */
export async function nearestServiceRoadKm(engine: Engine, network: RoadNetworkSummary, places: readonly LonLat[], services: readonly LonLat[]): Promise<(number | null)[]> {
  const snapped = await snapToRoadNetwork(engine.db, [...services, ...places]);
  const sources = Int32Array.from(snapped.slice(0, services.length).flatMap((point) => (point.nodeId === null ? [] : [point.nodeId - 1])));
  const targets = snapped.slice(services.length);
  if (sources.length === 0) return places.map(() => null);
  const search = new ShortestPathSearch(await cachedRoadGraph(engine, network.id));
  const metres = search.nearestCostsTo(sources, Int32Array.from(targets, (point) => (point.nodeId ?? 1) - 1), 'metres');
  return targets.map((point, index) => (point.nodeId === null || metres[index] === Infinity ? null : metres[index]! / 1000));
}

/** Every settlement's road distance (km) from the nearest institution of the given types, by KSH code. */
export async function settlementRoadKm(engine: Engine, network: RoadNetworkSummary, typeKeys: readonly string[]): Promise<Map<string, number | null>> {
  const settlements = await planningSettlements(engine.db);
  const services = (await Promise.all(typeKeys.map((typeKey) => planningInstitutions(engine.db, { typeKey })))).flat();
  const km = await nearestServiceRoadKm(engine, network, settlements, services);
  return new Map(settlements.map((settlement, index) => [settlement.code, km[index]!]));
}
