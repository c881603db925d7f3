import { median } from 'd3';
import type { Attribution, Locale } from '$lib/api/contract';
import type { DashboardState } from '$lib/dashboard/dashboard-state.svelte';
import { formatNumber } from '$lib/i18n/format';
import { i18n } from '$lib/i18n/locale.svelte';
import { indicatorSubtitle } from '$lib/indicators/format-indicator-value';
import { unitValueText } from '$lib/indicators/unit-value';
import { scaleRows, type LegendSection } from '$lib/map/legend-section';
import type { OrgLayerState } from '$lib/org-layers/org-layer-state.svelte';
import { tx } from '../export-messages';
import type { CellValue, DataTable, ExportView, KeyFigure, SnapshotSource } from '../export-types';

/** A count as the map shows it: the number from 5 up, "<5" below (the API sent no number then). */
function shownCount(value: number | null, belowThreshold: boolean): CellValue {
  return belowThreshold ? '<5' : value;
}

function valuesTable(dashboard: DashboardState, locale: Locale): DataTable | null {
  const indicator = dashboard.indicator;
  const values = dashboard.currentValues;
  const drawn = dashboard.choropleth;
  if (!indicator || !values || !drawn) return null;
  const valueOf = (code: string): CellValue =>
    indicator.kind === 'numeric' ? (values.values[code] ?? null) : unitValueText(indicator, values, code, locale, '');
  const title = i18n.pick(indicator.title);
  const unit = indicatorSubtitle(indicator, null, locale);
  return {
    id: 'values',
    title: tx('export.table.values'),
    columns: [
      { key: 'code', label: tx('export.col.code') },
      { key: 'name', label: tx('export.col.name') },
      { key: 'value', label: unit ? `${title} (${unit})` : title },
      { key: 'year', label: tx('export.col.year') },
    ],
    rows: drawn.features.map((feature) => ({ code: feature.properties.code, name: feature.properties.name, value: valueOf(feature.properties.code), year: values.year })),
    geometries: drawn.features.map((feature) => feature.geometry),
  };
}

function needSignalsTable(orgLayers: OrgLayerState): DataTable | null {
  const signals = orgLayers.view?.needSignals;
  if (!signals) return null;
  return {
    id: 'need-signals',
    title: tx('export.table.needSignals'),
    columns: [
      { key: 'code', label: tx('export.col.code') },
      { key: 'name', label: tx('export.col.name') },
      { key: 'households', label: i18n.t('tooltip.households') },
      { key: 'persons', label: i18n.t('tooltip.persons') },
      { key: 'categories', label: i18n.t('tooltip.categories') },
      { key: 'urgent', label: i18n.t('tooltip.urgent') },
      { key: 'latest', label: i18n.t('tooltip.latest') },
    ],
    rows: signals.features.map(({ properties: item }) => ({
      code: item.settlementCode,
      name: item.name,
      households: shownCount(item.households, item.householdsBelowThreshold),
      persons: shownCount(item.persons, item.personsBelowThreshold),
      categories: item.categories.map((category) => i18n.t(`category.${category}`)).join(', '),
      urgent: item.urgent ? tx('export.yes') : tx('export.no'),
      latest: item.latest,
    })),
    geometries: signals.features.map((feature) => feature.geometry),
  };
}

function keyFigures(dashboard: DashboardState, locale: Locale): KeyFigure[] {
  const drawn = dashboard.choropleth;
  const values = dashboard.currentValues;
  if (!drawn || !values) return [];
  const numbers = drawn.features.map((feature) => values.values[feature.properties.code]).filter((value): value is number => value !== undefined);
  const figures: KeyFigure[] = [
    { label: tx('export.figure.units'), value: formatNumber(drawn.features.length, locale, 0) },
    { label: tx('export.figure.withValue'), value: formatNumber(numbers.length, locale, 0) },
  ];
  if (numbers.length && dashboard.indicator?.kind === 'numeric') {
    figures.push({ label: tx('export.figure.range'), value: `${formatNumber(Math.min(...numbers), locale)} – ${formatNumber(Math.max(...numbers), locale)}` });
    figures.push({ label: tx('export.figure.median'), value: formatNumber(median(numbers) ?? 0, locale) });
  }
  return figures;
}

/** The dashboard's view for the exports: the indicator map, its legend and figures, the values and the shown signals. */
export function dashboardExport(dashboard: DashboardState, orgLayers: OrgLayerState, map: SnapshotSource | null, attributions: readonly Attribution[]): ExportView {
  const locale = i18n.current;
  const indicator = dashboard.indicator;
  const legend: LegendSection[] = [];
  if (indicator && dashboard.colorScale) {
    legend.push({
      id: 'indicator',
      title: i18n.pick(indicator.title),
      rows: scaleRows(dashboard.colorScale, { locale, noDataLabel: i18n.t('legend.noData'), showNoData: dashboard.hasMissingValues, pick: (text) => i18n.pick(text) }),
    });
  }
  const subtitle = [i18n.t(`level.${dashboard.selection.level}`), indicator ? indicatorSubtitle(indicator, dashboard.currentValues?.year ?? null, locale) : ''].filter(Boolean).join(' · ');
  return {
    title: indicator ? i18n.pick(indicator.title) : 'Terep',
    subtitle,
    slug: 'dashboard',
    snapshot: () => map?.snapshot() ?? null,
    legend,
    attributions,
    figures: keyFigures(dashboard, locale),
    tables: () => [valuesTable(dashboard, locale), needSignalsTable(orgLayers)].filter((table): table is DataTable => table !== null),
  };
}
