import type { Attribution } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import { i18n } from '$lib/i18n/locale.svelte';
import { tl } from '$lib/logistics/logistics-messages';
import type { RoutePlan } from '$lib/logistics/logistics-types';
import { routeCsvHeaders } from '$lib/logistics/plan-exports';
import { ROUTE_CSV_COLUMNS, routePlanRows } from '$lib/logistics/route-csv';
import type { LegendSection } from '$lib/map/legend-section';
import { collectAttributions } from '$lib/map/attribution';
import { fetchUnitLayerCatalog } from '$lib/map/unit-layers-client';
import { tx } from '../export-messages';
import type { DataTable, ExportView, SnapshotSource } from '../export-types';

/** The route sheets as a table: the same rows and columns as the route CSV, each with its place. */
function routesTable(plan: RoutePlan): DataTable {
  const headers = routeCsvHeaders();
  const { rows, places } = routePlanRows(plan, i18n.current);
  return {
    id: 'routes',
    title: tx('export.table.routes'),
    columns: ROUTE_CSV_COLUMNS.map((key) => ({ key, label: headers[key] })),
    rows: rows.map((row) => Object.fromEntries(ROUTE_CSV_COLUMNS.map((key, index) => [key, row[index] ?? null]))),
    geometries: places.map((place) => ({ type: 'Point', coordinates: [place.lon, place.lat] })),
  };
}

/** The logistics page's view for the exports: the route plan shown, its legend, totals and route sheets. */
/** The sources of the basemap (settlements and counties), which the logistics map does not list on screen. */
async function basemapAttributions(): Promise<Attribution[]> {
  const { layers } = await fetchUnitLayerCatalog();
  return collectAttributions(...layers.filter((layer) => layer.id === 'settlements' || layer.id === 'counties').map((layer) => layer.attribution));
}

export function logisticsExport(plan: RoutePlan | null, name: string | null, map: SnapshotSource | null, legend: readonly LegendSection[]): ExportView {
  const locale = i18n.current;
  const number = (value: number, digits = 0) => formatNumber(value, locale, digits);
  return {
    title: name ?? tl('logistics.title'),
    subtitle: name ? tl('logistics.title') : undefined,
    slug: 'logistics',
    snapshot: () => map?.snapshot() ?? null,
    legend,
    attributions: basemapAttributions,
    figures: plan
      ? [
          { label: tx('export.figure.routes'), value: number(plan.totals.routes) },
          { label: tx('export.figure.stops'), value: number(plan.totals.stops) },
          { label: tx('export.figure.distance'), value: `${number(plan.totals.distanceKm, 1)} km` },
          { label: tx('export.figure.unserved'), value: number(plan.unservable.length + plan.unroutable.length) },
        ]
      : [],
    tables: () => (plan ? [routesTable(plan)] : []),
    reportTable: 'routes',
  };
}
