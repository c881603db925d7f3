import type { UnitLevel } from '$lib/api/contract';
import { isNeedCategory, NEED_CATEGORIES, type NeedCategory } from '$lib/org-layers/need-signal-vocabulary';
import { SIZE_MEASURES, type SizeMeasure } from '$lib/org-layers/need-signal-style';
import { isOrgLayerId, ORG_LAYER_IDS, type OrgLayerId } from '$lib/org-layers/org-layer-types';
import { isKeyParam } from '$lib/views/view-params';
import type { IgnoredParam } from '$lib/views/map-position';

const LEVELS: readonly UnitLevel[] = ['settlement', 'district', 'county'];

/**
 * What the dashboard's address says (besides the map position, see map-position.ts):
 * `/?level=district&indicator=population_change_2011_2024&year=2024&layers=institutions,need-signals
 * &hide=social-kitchen&categories=food,heating&size=persons`. Absent means the default.
 */
export interface DashboardView {
  level: UnitLevel | null;
  /** Checked against the catalogue once it is loaded (an unknown key then gets a notice). */
  indicator: string | null;
  year: number | null;
  layers: OrgLayerId[];
  /** Institution types switched off in the layer's legend. */
  hiddenTypes: string[];
  /** Need categories shown; null means all. */
  categories: NeedCategory[] | null;
  /** What sizes the need-signal circles; null means households. */
  size: SizeMeasure | null;
  /** An import to zoom to once its features are loaded (a one-off link from the import page). */
  importId: number | null;
}

export const DEFAULT_DASHBOARD_VIEW: DashboardView = { level: null, indicator: null, year: null, layers: [], hiddenTypes: [], categories: null, size: null, importId: null };

const listOf = (text: string | null): string[] => (text ? text.split(',').map((item) => item.trim()).filter(Boolean) : []);

/** Reads the dashboard's params; values it cannot use are left out and listed in `ignored`. */
export function parseDashboardView(search: URLSearchParams): { view: DashboardView; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = [];
  const ignore = (name: string, value: string) => ignored.push({ name, value });
  const view: DashboardView = { ...DEFAULT_DASHBOARD_VIEW };

  const level = search.get('level');
  if (level !== null) {
    if ((LEVELS as readonly string[]).includes(level)) view.level = level as UnitLevel;
    else ignore('level', level);
  }
  const indicator = search.get('indicator');
  if (indicator !== null) {
    if (isKeyParam(indicator)) view.indicator = indicator;
    else ignore('indicator', indicator);
  }
  const year = search.get('year');
  if (year !== null) {
    if (/^\d{4}$/.test(year)) view.year = Number(year);
    else ignore('year', year);
  }
  const layers = listOf(search.get('layers'));
  view.layers = ORG_LAYER_IDS.filter((id) => layers.includes(id));
  for (const name of layers.filter((item) => !isOrgLayerId(item))) ignore('layers', name);
  const hidden = listOf(search.get('hide'));
  view.hiddenTypes = hidden.filter((key) => isKeyParam(key));
  for (const key of hidden.filter((item) => !isKeyParam(item))) ignore('hide', key);
  const categories = search.get('categories');
  if (categories !== null) {
    const named = listOf(categories);
    view.categories = NEED_CATEGORIES.filter((category) => named.includes(category));
    for (const name of named.filter((item) => !isNeedCategory(item))) ignore('categories', name);
  }
  const size = search.get('size');
  if (size !== null) {
    if ((SIZE_MEASURES as readonly string[]).includes(size)) view.size = size as SizeMeasure;
    else ignore('size', size);
  }
  const importText = search.get('import');
  if (importText !== null) {
    if (/^\d{1,9}$/.test(importText)) view.importId = Number(importText);
    else ignore('import', importText);
  }
  return { view, ignored };
}

/**
 * The params of a dashboard view, defaults left out; the one-off `import` focus is never written
 * back (a shared link opens the layers, not the zoom to one import).
 */
export function dashboardViewQuery(view: DashboardView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.level) search.set('level', view.level);
  if (view.indicator) search.set('indicator', view.indicator);
  if (view.year !== null) search.set('year', String(view.year));
  const layers = ORG_LAYER_IDS.filter((id) => view.layers.includes(id));
  if (layers.length) search.set('layers', layers.join(','));
  if (view.hiddenTypes.length) search.set('hide', [...view.hiddenTypes].sort().join(','));
  if (view.categories !== null && view.categories.length < NEED_CATEGORIES.length) {
    search.set('categories', NEED_CATEGORIES.filter((category) => view.categories?.includes(category)).join(','));
  }
  if (view.size && view.size !== 'households') search.set('size', view.size);
  return search;
}
