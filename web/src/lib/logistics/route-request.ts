import type { DepotDraft, RouteRequest, StopDraft, VanDraft } from './logistics-types';

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
