import type { Locale } from '$lib/api/contract';
import { csvNumber, csvText } from '$lib/exports/csv-table';
import type { RoutePlace, RoutePlan } from './logistics-types';
import { windowText } from './visit-text';

/** Column headers, in the page's language. */
export interface RouteCsvHeaders {
  route: string;
  vehicle: string;
  order: string;
  stop: string;
  settlementCode: string;
  arrival: string;
  departure: string;
  window: string;
  delivery: string;
  pickup: string;
  load: string;
  distanceKm: string;
}

export const ROUTE_CSV_COLUMNS: readonly (keyof RouteCsvHeaders)[] = ['route', 'vehicle', 'order', 'stop', 'settlementCode', 'arrival', 'departure', 'window', 'delivery', 'pickup', 'load', 'distanceKm'];

/** The route sheets as rows (a row per stop, with the depot's departure, order 0, and return around them) and the place of each row. */
export function routePlanRows(plan: RoutePlan, locale: Locale): { rows: (string | number)[][]; places: RoutePlace[] } {
  const number = (value: number, digits: number) => csvNumber(value, digits, locale);
  const rows: (string | number)[][] = [];
  const places: RoutePlace[] = [];
  plan.routes.forEach((route, index) => {
    const routeNumber = index + 1;
    rows.push([routeNumber, route.vehicle, 0, route.depot.name, route.depot.settlementCode ?? '', '', route.departure, '', '', '', number(route.loadAtDeparture, 2), '']);
    places.push(route.depot);
    route.visits.forEach((visit, order) => {
      rows.push([
        routeNumber,
        route.vehicle,
        order + 1,
        visit.place.name,
        visit.place.settlementCode ?? '',
        visit.arrival,
        visit.departure,
        windowText(visit.window),
        number(visit.delivery, 2),
        number(visit.pickup, 2),
        number(visit.loadAfter, 2),
        number(visit.distanceKm, 1),
      ]);
      places.push(visit.place);
    });
    const lastLeg = route.distanceKm - route.visits.reduce((sum, visit) => sum + visit.distanceKm, 0);
    rows.push([routeNumber, route.vehicle, route.visits.length + 1, route.endDepot.name, route.endDepot.settlementCode ?? '', route.return, '', '', '', '', '', number(lastLeg, 1)]);
    places.push(route.endDepot);
  });
  return { rows, places };
}

/**
 * The route sheets as one CSV table: semicolons and, in Hungarian, decimal commas, as Hungarian
 * Excel reads them; a byte-order mark so that Excel opens it as UTF-8.
 */
export function routePlanCsv(plan: RoutePlan, headers: RouteCsvHeaders, locale: Locale): string {
  return csvText([ROUTE_CSV_COLUMNS.map((column) => headers[column]), ...routePlanRows(plan, locale).rows]);
}
