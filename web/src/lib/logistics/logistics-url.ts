import { parseIdParam } from '$lib/views/view-params';
import type { IgnoredParam } from '$lib/views/map-position';

/** What the logistics page's address says (besides the map position): the saved route plan shown, `/logistics?scenario=12`. */
export interface LogisticsView {
  scenario: number | null;
}

export function parseLogisticsView(search: URLSearchParams): { view: LogisticsView; ignored: IgnoredParam[] } {
  const { id, ignored } = parseIdParam(search, 'scenario');
  return { view: { scenario: id }, ignored };
}

export function logisticsViewQuery(view: LogisticsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.scenario !== null) search.set('scenario', String(view.scenario));
  return search;
}
