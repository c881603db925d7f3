import type { Locale, Localized } from '$lib/api/contract';
import { CATCHMENT_LAYER_ID, type CatchmentFeature, type DrawnSite } from '$lib/catchments/catchment-features';
import { tk } from '$lib/catchments/catchment-messages';
import type { CatchmentResult } from '$lib/catchments/catchment-types';
import { COVERAGE_LAYER_ID } from '$lib/coverage/coverage-layers-ids';
import { coverageDistanceText } from '$lib/coverage/coverage-format';
import { tc } from '$lib/coverage/coverage-messages';
import type { CoverageSummary } from '$lib/coverage/coverage-types';
import { HEATMAP_LAYER_ID } from '$lib/heatmap/heatmap-layer-ids';
import { th } from '$lib/heatmap/heatmap-messages';
import type { HexPolygon } from '$lib/heatmap/hex-polygons';
import { formatNumber, formatWithUnit } from '$lib/i18n/format';
import type { IndicatorMeta, IndicatorValues } from '$lib/indicators/indicator-types';
import type { InstitutionFeature } from '$lib/org-layers/org-layer-types';
import { SUPPRESSED_LABEL } from '$lib/org-layers/need-signal-style';
import type { MapHover } from '$lib/map/thematic-map';
import type { GapRow } from '@terep/db/contract';
import { programmeHitOf } from '$lib/programmes/programme-layer-ids';
import { tg } from '$lib/programmes/programme-messages';
import { describeProgrammeHit } from '$lib/programmes/programme-tooltip';
import { ta } from './analysis-messages';

export interface TooltipView {
  title: string;
  subtitle: string;
  value: string | null;
  rows: { label: string; value: string }[];
  note: string | null;
}

/** What the tooltip can say about a settlement, depending on the analysis shown. */
export interface TooltipContext {
  locale: Locale;
  pick: (text: Localized) => string;
  tab: 'coverage' | 'catchments' | 'needIndex' | 'gap';
  coverage: CoverageSummary | null;
  catchments: CatchmentResult | null;
  index: { indicator: IndicatorMeta; values: IndicatorValues } | null;
  /** The indicator the heatmap averages, when it shows one: its mean is given in the indicator's unit. */
  heatmapIndicator: IndicatorMeta | null;
  /** The gap view's ranked places by code, when it answered. */
  gaps: ReadonlyMap<string, GapRow> | null;
}

function count(value: number | null, withheld: boolean, locale: Locale): string {
  if (withheld) return SUPPRESSED_LABEL;
  return value === null ? '–' : formatNumber(value, locale, 0);
}

/** The tooltip of whatever is under the pointer. */
export function describeHover(hover: MapHover, context: TooltipContext): TooltipView | null {
  const { locale } = context;
  const number = (value: number) => formatNumber(value, locale, 0);
  if (hover.kind === 'object') {
    switch (hover.layerId) {
      case COVERAGE_LAYER_ID.institutions: {
        const { properties } = hover.object as InstitutionFeature;
        return { title: properties.name, subtitle: context.pick(properties.typeName), value: null, rows: [{ label: ta('analysis.tooltip.settlement'), value: properties.settlementName }], note: null };
      }
      case CATCHMENT_LAYER_ID.sites: {
        const { index, site } = hover.object as DrawnSite;
        const entry = context.catchments?.sites[index];
        const rows = entry
          ? [
              { label: ta('analysis.tooltip.settlements'), value: number(entry.settlements) },
              { label: ta('analysis.tooltip.load'), value: `${count(entry.load, entry.loadBelowThreshold, locale)} ${tk(`catchments.unit.${context.catchments!.demand}`)}` },
              ...(entry.utilisation !== null ? [{ label: ta('analysis.tooltip.utilisation'), value: `${number(Math.round(entry.utilisation * 100))}%` }] : []),
            ]
          : [];
        return { title: site.name, subtitle: tk('catchments.tooltip.site'), value: null, rows, note: tk('catchments.tooltip.drag') };
      }
      case CATCHMENT_LAYER_ID.polygons: {
        const { properties } = hover.object as CatchmentFeature;
        const entry = context.catchments?.sites[properties.site];
        return {
          title: properties.name,
          subtitle: tk('catchments.tooltip.catchment'),
          value: null,
          rows: entry
            ? [
                { label: ta('analysis.tooltip.settlements'), value: number(entry.settlements) },
                { label: ta('analysis.tooltip.population'), value: number(entry.population) },
              ]
            : [],
          note: null,
        };
      }
      case HEATMAP_LAYER_ID: {
        const { cell } = hover.object as HexPolygon;
        return {
          title: th('heatmap.tooltip.title'),
          subtitle: cell.h3,
          value: null,
          rows: [
            { label: th('heatmap.tooltip.settlements'), value: number(cell.points) },
            { label: th('heatmap.tooltip.population'), value: number(cell.population) },
            { label: th('heatmap.tooltip.households'), value: count(cell.households, cell.householdsBelowThreshold, locale) },
            { label: th('heatmap.tooltip.persons'), value: count(cell.persons, cell.personsBelowThreshold, locale) },
            ...(cell.value !== null
              ? [{ label: th('heatmap.tooltip.value'), value: context.heatmapIndicator ? formatWithUnit(cell.value, context.pick(context.heatmapIndicator.unit), locale) : formatNumber(cell.value, locale) }]
              : []),
          ],
          note: null,
        };
      }
      default: {
        const hit = programmeHitOf(hover.layerId, hover.object);
        return hit ? describeProgrammeHit(hit, locale) : null;
      }
    }
  }

  const { settlement } = hover;
  const rows: TooltipView['rows'] = [];
  if (settlement.population !== null) rows.push({ label: ta('analysis.tooltip.population'), value: number(settlement.population) });
  let value: string | null = null;
  if (context.tab === 'coverage' && context.coverage) {
    const reach = context.coverage.bySettlement[settlement.code];
    if (reach) {
      value = reach.covered ? tc('coverage.tooltip.covered') : tc('coverage.tooltip.uncovered');
      rows.push({ label: tc('coverage.col.distanceTitle'), value: reach.distanceKm === null ? tc('coverage.tooltip.none') : coverageDistanceText(reach.distanceKm, reach.covered, locale) });
    }
  } else if (context.tab === 'catchments' && context.catchments) {
    const site = context.catchments.assignment[settlement.code];
    const entry = site === undefined ? undefined : context.catchments.sites[site];
    value = entry ? tk('catchments.tooltip.servedBy', { name: entry.site.name }) : tk('catchments.tooltip.servedBy', { name: tk('catchments.unservedSite') });
  } else if (context.tab === 'needIndex' && context.index) {
    const indexValue = context.index.values.values[settlement.code];
    if (indexValue !== undefined) value = `${context.pick(context.index.indicator.title)}: ${formatWithUnit(indexValue, context.pick(context.index.indicator.unit), locale)}`;
  } else if (context.tab === 'gap' && context.gaps) {
    const row = context.gaps.get(settlement.code);
    if (row) value = `${tg('gap.col.need')}: ${formatNumber(row.need, locale)}${row.gap ? ` · ${tg('gap.flag')}` : ''}`;
  }
  return { title: settlement.name, subtitle: ta('analysis.tooltip.settlement'), value, rows, note: null };
}
