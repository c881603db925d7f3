import type { DepotDraft, RoutePlace, RouteRequest, RouteScenario, StopDraft, VanDraft } from './logistics-types';

export interface PlanOptions {
  serviceMinutes: number;
  timeLimitSeconds: number;
}

/** The body of `POST /api/routes` from what the panel holds; stops keep the panel's order. */
export function buildRouteRequest(depots: readonly DepotDraft[], stops: readonly StopDraft[], vans: readonly VanDraft[], options: PlanOptions): RouteRequest {
  return {
    depots: depots.map((depot) => depot.input),
    stops: stops.map((stop) => ({
      settlementCode: stop.settlementCode,
      name: stop.name,
      delivery: stop.delivery,
      ...(stop.pickup > 0 ? { pickup: stop.pickup } : {}),
      ...(stop.window ? { window: stop.window } : {}),
    })),
    fleet: vans.map((van) => ({
      name: van.name,
      count: van.count,
      capacity: van.capacity,
      shift: { from: van.from, to: van.to },
      costPerKm: van.costPerKm,
      depot: Math.min(van.depot, Math.max(0, depots.length - 1)),
    })),
    serviceMinutes: options.serviceMinutes,
    timeLimitSeconds: options.timeLimitSeconds,
  };
}

/** What the panel holds again when a saved route plan is opened: the inverse of {@link buildRouteRequest}. */
export interface RestoredDrafts extends PlanOptions {
  depots: DepotDraft[];
  stops: StopDraft[];
  vans: VanDraft[];
}

function depotKey(input: DepotDraft['input']): string {
  if ('warehouseId' in input) return `warehouse:${input.warehouseId}`;
  if ('settlementCode' in input) return `settlement:${input.settlementCode}`;
  return `point:${input.name}`;
}

/** The drafts of a saved scenario; places come from the plan (depots) and the saved stop places. */
export function draftsOfScenario(scenario: Pick<RouteScenario, 'request' | 'stopPlaces' | 'plan'>, defaults: PlanOptions): RestoredDrafts {
  const { request, stopPlaces, plan } = scenario;
  const placeOf = (places: readonly RoutePlace[], index: number): RoutePlace => places[index] ?? { name: '', settlementCode: null, lon: 0, lat: 0 };
  return {
    depots: request.depots.map((input, index) => {
      const place = placeOf(plan.depots, index);
      return { key: depotKey(input), name: place.name, detail: '', position: [place.lon, place.lat], input };
    }),
    stops: request.stops.map((stop, index) => {
      const place = placeOf(stopPlaces, index);
      const code = stop.settlementCode ?? place.settlementCode ?? '';
      return {
        key: code || `point:${index}`,
        settlementCode: code,
        name: stop.name ?? place.name,
        position: [place.lon, place.lat],
        delivery: stop.delivery,
        pickup: stop.pickup ?? 0,
        window: stop.window ?? null,
        amountSource: 'given',
      };
    }),
    vans: request.fleet.map((vehicle, index) => ({
      name: vehicle.name ?? `${index + 1}`,
      count: vehicle.count,
      capacity: vehicle.capacity,
      from: vehicle.shift.from,
      to: vehicle.shift.to,
      costPerKm: vehicle.costPerKm ?? 1,
      depot: vehicle.depot ?? 0,
    })),
    serviceMinutes: request.serviceMinutes ?? defaults.serviceMinutes,
    timeLimitSeconds: request.timeLimitSeconds ?? defaults.timeLimitSeconds,
  };
}
