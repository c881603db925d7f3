import { CATCHMENT_MODES, DEMAND_MEASURES, type CatchmentMode, type DemandMeasure, type TravelUnit } from '@terep/db/contract';
import type { HexMeasure } from '$lib/heatmap/heatmap-types';
import { isKeyParam } from '$lib/views/view-params';
import type { IgnoredParam } from '$lib/views/map-position';

export type AnalysisTab = 'coverage' | 'catchments' | 'needIndex' | 'gap';
export const ANALYSIS_TABS: readonly AnalysisTab[] = ['coverage', 'catchments', 'needIndex', 'gap'];
const UNITS: readonly TravelUnit[] = ['km', 'minutes'];
const HEX_MEASURES: readonly HexMeasure[] = ['households', 'persons', 'population', 'indicator'];
/** The coverage panel's largest reach (coverage-state.svelte.ts). */
const MAX_REACH = 500;

/** The coverage computed and drawn: its service types, reach and ranking. */
export interface CoverageChoice {
  types: readonly string[];
  unit: TravelUnit;
  reach: number;
  /** An indicator key or `need-signals`; null ranks by the default. */
  rankBy: string | null;
}

/**
 * What the analysis page's address says (besides the map position):
 * `/analysis?tab=coverage&types=social-kitchen&unit=km&reach=15&rankBy=need-signals`,
 * `?tab=catchments&mode=capacitated&demand=households&maxKm=40`, `?tab=needIndex&index=KEY`, and
 * the heatmap over any of them: `hex=indicator&hexIndicator=KEY`, `smooth=1`.
 */
export interface AnalysisView {
  tab: AnalysisTab;
  /** The coverage shown (computed on opening); null when none was computed. */
  coverage: CoverageChoice | null;
  mode: CatchmentMode;
  demand: DemandMeasure;
  maxKm: number | null;
  /** The need index (or indicator) drawn on the need-index tab. */
  index: string | null;
  /** The H3 layer's measure when it is on. */
  hex: HexMeasure | null;
  hexIndicator: string | null;
  smooth: boolean;
}

export const DEFAULT_ANALYSIS_VIEW: AnalysisView = {
  tab: 'coverage',
  coverage: null,
  mode: 'nearest',
  demand: 'population',
  maxKm: null,
  index: null,
  hex: null,
  hexIndicator: null,
  smooth: false,
};

/** A positive number with at most 3 decimals, up to `max`. */
function positive(text: string, max: number): number | null {
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(text)) return null;
  const value = Number(text);
  return value > 0 && value <= max ? value : null;
}

/** Reads the page's params; values it cannot use are left out and listed in `ignored`. */
export function parseAnalysisView(search: URLSearchParams): { view: AnalysisView; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = [];
  const view: AnalysisView = { ...DEFAULT_ANALYSIS_VIEW };
  /** The param's value when `accept` takes it; else ignored (a missing param is no problem). */
  const read = <T>(name: string, accept: (text: string) => T | null): T | null => {
    const text = search.get(name);
    if (text === null) return null;
    const value = accept(text);
    if (value === null) ignored.push({ name, value: text });
    return value;
  };
  const oneOf = <T extends string>(values: readonly T[]) => (text: string) => ((values as readonly string[]).includes(text) ? (text as T) : null);
  const key = (text: string) => (isKeyParam(text) ? text : null);

  view.tab = read('tab', oneOf(ANALYSIS_TABS)) ?? view.tab;

  const types = read('types', (text) => {
    const list = text.split(',').filter(Boolean);
    return list.length > 0 && list.every((entry) => isKeyParam(entry)) ? list : null;
  });
  const unit = read('unit', oneOf(UNITS)) ?? 'km';
  const reach = read('reach', (text) => positive(text, MAX_REACH));
  const rankBy = read('rankBy', key);
  // A coverage needs both; one alone is ignored.
  if (types && reach !== null) view.coverage = { types, unit, reach, rankBy };
  else if (types) ignored.push({ name: 'types', value: types.join(',') });
  else if (reach !== null) ignored.push({ name: 'reach', value: String(reach) });

  view.mode = read('mode', oneOf(CATCHMENT_MODES)) ?? view.mode;
  view.demand = read('demand', oneOf(DEMAND_MEASURES)) ?? view.demand;
  view.maxKm = read('maxKm', (text) => positive(text, 1000));
  view.index = read('index', key);
  view.hex = read('hex', oneOf(HEX_MEASURES));
  view.hexIndicator = read('hexIndicator', key);
  view.smooth = read('smooth', (text) => (text === '1' ? true : null)) ?? false;
  return { view, ignored };
}

/** The params of an analysis view, defaults left out. */
export function analysisViewQuery(view: AnalysisView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.tab !== 'coverage') search.set('tab', view.tab);
  if (view.coverage) {
    search.set('types', view.coverage.types.join(','));
    search.set('unit', view.coverage.unit);
    search.set('reach', String(view.coverage.reach));
    if (view.coverage.rankBy) search.set('rankBy', view.coverage.rankBy);
  }
  if (view.mode !== 'nearest') search.set('mode', view.mode);
  if (view.demand !== 'population') search.set('demand', view.demand);
  if (view.maxKm !== null) search.set('maxKm', String(view.maxKm));
  if (view.index) search.set('index', view.index);
  if (view.hex) {
    search.set('hex', view.hex);
    if (view.hex === 'indicator' && view.hexIndicator) search.set('hexIndicator', view.hexIndicator);
  }
  if (view.smooth) search.set('smooth', '1');
  return search;
}
