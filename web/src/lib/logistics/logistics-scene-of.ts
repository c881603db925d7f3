import { toRgba } from '$lib/indicators/color-scale';
import type { DepotDraft, RoutePlan, StopDraft } from './logistics-types';
import { PENDING_COLOR, routeColor, routeRgba, UNSERVED_COLOR } from './route-colors';
import type { DrawnStop, LogisticsScene } from './logistics-scene';

/** Alpha of a served settlement's fill in its route's colour: a hint of the area, under the lines. */
const SERVED_FILL_ALPHA = 0.22;

function fillOf(color: string): string {
  const [red, green, blue] = toRgba(color);
  return `rgba(${red}, ${green}, ${blue}, ${SERVED_FILL_ALPHA})`;
}

/**
 * What the route map shows: the chosen depots, the stops (in their route's colour and order once
 * planned, red when no van can serve or reach them, grey while unplanned) and the routes; the
 * settlements served are tinted in their route's colour.
 */
export function logisticsSceneOf(depots: readonly DepotDraft[], stops: readonly StopDraft[], planned: { plan: RoutePlan; stops: readonly StopDraft[] } | null, time: number | null): LogisticsScene {
  const byKey = new Map<string, Partial<DrawnStop> & Pick<DrawnStop, 'color' | 'order' | 'arrival' | 'route' | 'unserved'>>();
  const fills = new Map<string, string>();
  if (planned) {
    planned.plan.routes.forEach((route, index) => {
      route.visits.forEach((visit, order) => {
        const stop = planned.stops[visit.stop];
        if (!stop) return;
        // Where the plan placed it (a settlement's centre), which a map click only approximates.
        byKey.set(stop.key, { position: [visit.place.lon, visit.place.lat], color: routeRgba(index), order: order + 1, arrival: visit.arrival, route: index + 1, unserved: false });
        fills.set(stop.settlementCode, fillOf(routeColor(index)));
      });
    });
    for (const entry of [...planned.plan.unservable, ...planned.plan.unroutable]) {
      const stop = planned.stops[entry.stop];
      if (stop) byKey.set(stop.key, { color: toRgba(UNSERVED_COLOR), order: null, arrival: null, route: null, unserved: true });
    }
  }
  const pending = { color: toRgba(PENDING_COLOR), order: null, arrival: null, route: null, unserved: false };
  return {
    key: planned ? 'routes' : 'base',
    fills: fills.size > 0 ? fills : null,
    depots: depots.map((depot) => ({ name: depot.name, position: depot.position })),
    stops: stops.map((stop) => ({ name: stop.name, position: stop.position, delivery: stop.delivery, ...(byKey.get(stop.key) ?? pending) })),
    routes: planned
      ? planned.plan.routes.map((route, index) => ({ index, name: route.vehicle, path: route.path, times: route.pathMinutes, color: routeRgba(index) }))
      : [],
    time,
  };
}
