import { parseIdParam } from '$lib/views/view-params';
import type { IgnoredParam } from '$lib/views/map-position';

/**
 * What the logistics page's address says (besides the map position): the saved route plan shown,
 * `/logistics?scenario=12`, or a committed donation allocation's route problem for one warehouse,
 * `/logistics?allocation=7&warehouse=3`.
 */
export interface LogisticsView {
  scenario: number | null;
  allocation: number | null;
  warehouse: number | null;
}

export function parseLogisticsView(search: URLSearchParams): { view: LogisticsView; ignored: IgnoredParam[] } {
  const scenario = parseIdParam(search, 'scenario');
  const allocation = parseIdParam(search, 'allocation');
  const warehouse = parseIdParam(search, 'warehouse');
  return {
    view: { scenario: scenario.id, allocation: allocation.id, warehouse: warehouse.id },
    ignored: [...scenario.ignored, ...allocation.ignored, ...warehouse.ignored],
  };
}

export function logisticsViewQuery(view: LogisticsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.scenario !== null) search.set('scenario', String(view.scenario));
  if (view.allocation !== null) search.set('allocation', String(view.allocation));
  if (view.warehouse !== null) search.set('warehouse', String(view.warehouse));
  return search;
}
