import type { LonLat } from '$lib/api/contract';
import type { DepotDraft, StopDraft, VanDraft } from '$lib/logistics/logistics-types';
import type { WarehouseFeature } from '$lib/org-layers/org-layer-types';
import type { AllocationRouteProblem } from '@terep/db/contract';
import type { HeldLine } from './delivery-lines';

/** What the logistics panel holds to plan one warehouse's routes of an allocation. */
export interface ProblemDrafts {
  depots: DepotDraft[];
  stops: StopDraft[];
  vans: VanDraft[];
  serviceMinutes: number | undefined;
  timeLimitSeconds: number | undefined;
}

/**
 * A warehouse's route problem as the logistics panel's drafts: the warehouse as the depot, a stop
 * per settlement with its deliveries and pickups in van load units, and the problem's vans.
 * `places` gives a stop's position and name when the problem does not carry them.
 */
export function draftsOfProblem(problem: AllocationRouteProblem, warehouses: readonly WarehouseFeature[], places: ReadonlyMap<string, { name: string; position: LonLat }>): ProblemDrafts {
  const { route } = problem;
  const depots = route.depots.map((input, index): DepotDraft => {
    if ('warehouseId' in input) {
      const feature = warehouses.find((entry) => entry.properties.id === input.warehouseId);
      const [lon = 0, lat = 0] = feature?.geometry.coordinates ?? [];
      return { key: `warehouse:${input.warehouseId}`, name: feature?.properties.name ?? problem.warehouseName, detail: feature?.properties.settlementName ?? '', position: [lon, lat], input };
    }
    if ('settlementCode' in input) {
      const place = places.get(input.settlementCode);
      return { key: `settlement:${input.settlementCode}`, name: input.name ?? place?.name ?? input.settlementCode, detail: '', position: place?.position ?? [0, 0], input };
    }
    return { key: `point:${index}`, name: input.name, detail: '', position: [input.lon, input.lat], input };
  });
  const stops = route.stops.map((stop, index): StopDraft => {
    const code = stop.settlementCode ?? '';
    const place = places.get(code);
    return {
      key: code || `point:${index}`,
      settlementCode: code,
      name: stop.name ?? place?.name ?? code,
      position: stop.lon !== undefined && stop.lat !== undefined ? [stop.lon, stop.lat] : (place?.position ?? [0, 0]),
      delivery: stop.delivery,
      pickup: stop.pickup ?? 0,
      window: stop.window ?? null,
      amountSource: 'given',
    };
  });
  const vans = route.fleet.map((vehicle, index): VanDraft => ({
    name: vehicle.name ?? `${index + 1}`,
    count: vehicle.count,
    capacity: vehicle.capacity,
    from: vehicle.shift.from,
    to: vehicle.shift.to,
    costPerKm: vehicle.costPerKm ?? 1,
    depot: vehicle.depot ?? 0,
  }));
  return { depots, stops, vans, serviceMinutes: route.serviceMinutes, timeLimitSeconds: route.timeLimitSeconds };
}

/** The settlements of a problem's stops that carry no position of their own (to look up). */
export function stopsWithoutPlace(problem: AllocationRouteProblem): string[] {
  return problem.route.stops.flatMap((stop) => (stop.settlementCode && (stop.lon === undefined || stop.lat === undefined || !stop.name) ? [stop.settlementCode] : []));
}

/** What a warehouse's route delivers per request and the offers it collects, for confirming the delivery. */
export function deliveryOfProblem(problem: AllocationRouteProblem, names: (code: string) => string): { held: HeldLine[]; offerIds: number[] } {
  return {
    held: problem.stops.flatMap((stop) => stop.requests.map((request) => ({ requestId: request.requestId, item: request.item, settlementName: names(stop.settlementCode), held: request.quantity }))),
    offerIds: problem.stops.flatMap((stop) => stop.offers.map((offer) => offer.offerId)),
  };
}

/** Van load units of a problem: what its stops deliver. */
export function problemLoad(problem: AllocationRouteProblem): number {
  return problem.route.stops.reduce((sum, stop) => sum + stop.delivery, 0);
}
