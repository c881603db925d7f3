import type { Locale } from '$lib/api/contract';
import { downloadText, exportFileName } from './download-text';
import { tl } from './logistics-messages';
import type { RoutePlan } from './logistics-types';
import { routePlanCsv, type RouteCsvHeaders } from './route-csv';
import { routePlanGpx } from './route-gpx';
import { windowText } from './visit-text';

/** The route sheets' column headers in the page's language. */
export function routeCsvHeaders(): RouteCsvHeaders {
  return {
    route: tl('logistics.col.route'),
    vehicle: tl('logistics.sheet.vehicle'),
    order: tl('logistics.col.order'),
    stop: tl('logistics.col.stop'),
    settlementCode: 'KSH',
    arrival: tl('logistics.col.arrival'),
    departure: tl('logistics.col.departure'),
    window: tl('logistics.col.window'),
    delivery: tl('logistics.col.delivery'),
    pickup: tl('logistics.col.pickup'),
    load: tl('logistics.col.load'),
    distanceKm: tl('logistics.col.km'),
  };
}

/** The plan's route sheets as a CSV download, headed in the page's language. */
export function downloadPlanCsv(plan: RoutePlan, locale: Locale): void {
  const csv = routePlanCsv(plan, routeCsvHeaders(), locale);
  downloadText(csv, exportFileName('csv', new Date()), 'text/csv;charset=utf-8');
}

/** The plan as GPX 1.1: a route of stops and a track of roads per van. */
export function downloadPlanGpx(plan: RoutePlan): void {
  const gpx = routePlanGpx(
    plan,
    {
      routeName: (index) => tl('logistics.result.route', { number: index + 1, vehicle: plan.routes[index]!.vehicle }),
      stopDescription: (index, order) => {
        const visit = plan.routes[index]!.visits[order]!;
        const window = windowText(visit.window);
        return [`${tl('logistics.col.arrival')} ${visit.arrival}`, window ? `${tl('logistics.col.window')} ${window}` : '', `${tl('logistics.col.delivery')} ${visit.delivery}`, visit.pickup > 0 ? `${tl('logistics.col.pickup')} ${visit.pickup}` : '']
          .filter(Boolean)
          .join(', ');
      },
    },
    new Date(),
  );
  downloadText(gpx, exportFileName('gpx', new Date()), 'application/gpx+xml');
}
