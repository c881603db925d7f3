import { parseIdParam } from '$lib/views/view-params';
import type { IgnoredParam } from '$lib/views/map-position';

/** What the planning page's address says (besides the map position): the saved plan shown, `/planning?plan=12`. */
export interface PlanningView {
  plan: number | null;
}

export function parsePlanningView(search: URLSearchParams): { view: PlanningView; ignored: IgnoredParam[] } {
  const { id, ignored } = parseIdParam(search, 'plan');
  return { view: { plan: id }, ignored };
}

export function planningViewQuery(view: PlanningView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.plan !== null) search.set('plan', String(view.plan));
  return search;
}
