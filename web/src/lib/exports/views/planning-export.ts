import type { PlanOutcome, PlanSite } from '@terep/db/contract';
import type { Attribution, Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import { i18n } from '$lib/i18n/locale.svelte';
import type { LegendSection } from '$lib/map/legend-section';
import { distanceText, percentText } from '$lib/planning/plan-format';
import { tp } from '$lib/planning/planning-messages';
import { tx } from '../export-messages';
import type { DataTable, ExportView, KeyFigure, SnapshotSource } from '../export-types';

/** The sites of a plan, the proposed new ones first (by residents served), then the existing institutions. */
export function sitesTable(sites: readonly PlanSite[], title = tx('export.table.sites')): DataTable {
  const ordered = [...sites].sort((a, b) => (a.kind === b.kind ? b.served.population - a.served.population : a.kind === 'new' ? -1 : 1));
  return {
    id: 'sites',
    title,
    columns: [
      { key: 'name', label: tx('export.col.name') },
      { key: 'settlement', label: tx('export.col.settlement') },
      { key: 'code', label: tx('export.col.code') },
      { key: 'kind', label: tx('export.col.kind') },
      { key: 'servedSettlements', label: tx('export.col.servedSettlements') },
      { key: 'servedPopulation', label: tx('export.col.servedPopulation') },
      { key: 'lon', label: tx('export.col.lon') },
      { key: 'lat', label: tx('export.col.lat') },
    ],
    rows: ordered.map((site) => ({
      name: site.name,
      settlement: site.settlementName,
      code: site.code,
      kind: tx(`export.kind.${site.kind}`),
      servedSettlements: site.served.settlements,
      servedPopulation: Math.round(site.served.population),
      lon: site.lon,
      lat: site.lat,
    })),
    geometries: ordered.map((site) => ({ type: 'Point', coordinates: [site.lon, site.lat] })),
  };
}

/** A plan's key figures after it (before → after), as the result panel words them. */
export function planFigures(outcome: PlanOutcome, locale: Locale): KeyFigure[] {
  const reach = distanceText(outcome.reach, outcome.unit, locale);
  const pair = (before: string, after: string) => `${before} → ${after}`;
  const distance = (value: number | null) => (value === null ? tp('planning.figures.none') : distanceText(value, outcome.unit, locale));
  return [
    { label: tp('planning.compare.sites'), value: pair(formatNumber(outcome.before.sites, locale, 0), formatNumber(outcome.after.sites, locale, 0)) },
    { label: tp('planning.figures.coveredPopulation', { reach }), value: pair(formatNumber(outcome.before.coveredPopulation, locale, 0), formatNumber(outcome.after.coveredPopulation, locale, 0)) },
    { label: tp('planning.figures.coveredShare', { reach }), value: pair(percentText(outcome.before.coveredShare, locale), percentText(outcome.after.coveredShare, locale)) },
    { label: tp('planning.figures.meanDistance', { unit: tp(`planning.unit.${outcome.unit}`) }), value: pair(distance(outcome.before.meanDistance), distance(outcome.after.meanDistance)) },
  ];
}

/** The d3 charts of a page section, for the report. */
export function chartsIn(selector: string): () => SVGSVGElement[] {
  return () => [...document.querySelectorAll<SVGSVGElement>(selector)];
}

/** The planning page's view for the exports: the plan shown (or the empty map), its legend, figures, chart and sites. */
export function planningExport(
  shown: { name: string; outcome: PlanOutcome } | null,
  map: SnapshotSource | null,
  legend: readonly LegendSection[],
  attributions: readonly Attribution[],
): ExportView {
  const locale = i18n.current;
  return {
    title: shown ? shown.name : tp('planning.title'),
    subtitle: shown ? tp('planning.title') : undefined,
    slug: 'planning',
    snapshot: () => map?.snapshot() ?? null,
    legend,
    attributions,
    figures: shown ? planFigures(shown.outcome, locale) : [],
    charts: chartsIn('svg[data-testid="plan-chart"], svg[data-export-chart]'),
    tables: () => (shown ? [sitesTable(shown.outcome.sites)] : []),
    reportTable: 'sites',
  };
}
