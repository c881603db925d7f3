import type { CatchmentResult, CoverageSummary } from '@terep/db/contract';
import type { Attribution, Locale } from '$lib/api/contract';
import { hexPolygons } from '$lib/heatmap/hex-polygons';
import type { HexCell } from '$lib/heatmap/heatmap-types';
import { formatNumber } from '$lib/i18n/format';
import { i18n } from '$lib/i18n/locale.svelte';
import type { IndicatorMeta, IndicatorValues } from '$lib/indicators/indicator-types';
import type { LegendSection } from '$lib/map/legend-section';
import { tx } from '../export-messages';
import type { CellValue, DataTable, ExportView, KeyFigure, SnapshotSource } from '../export-types';

/** What the analysis page shows, as far as the exports need it. */
export interface AnalysisShown {
  title: string;
  coverage: CoverageSummary | null;
  catchments: CatchmentResult | null;
  needIndex: { indicator: IndicatorMeta; values: IndicatorValues } | null;
  hexagons: readonly HexCell[] | null;
  /** A settlement's name from the map's tiles (the code when unknown). */
  nameOf: (code: string) => string;
}

/** The analysis page's states and what its map draws, read for an export. */
export interface AnalysisStates {
  title: string;
  /** The drawn scene's key ("coverage", "catchments+hexagons", ...) and its hexagons. */
  scene: { key: string; hexagons: { cells: readonly HexCell[] } | null };
  coverage: { summary: CoverageSummary | null };
  catchments: { shown: CatchmentResult | null };
  indexFills: { indicator: IndicatorMeta | null; values: IndicatorValues | null };
  map: (SnapshotSource & { nameOf(code: string): string }) | null;
}

/** What the analysis page shows: only the analysis its map draws. */
export function analysisShown({ title, scene, coverage, catchments, indexFills, map }: AnalysisStates): AnalysisShown {
  const { indicator, values } = indexFills;
  return {
    title,
    coverage: scene.key.startsWith('coverage') ? coverage.summary : null,
    catchments: scene.key.startsWith('catchments') ? catchments.shown : null,
    needIndex: scene.key.startsWith('need-index') && indicator && values ? { indicator, values } : null,
    hexagons: scene.hexagons?.cells ?? null,
    nameOf: (code) => map?.nameOf(code) ?? code,
  };
}

/** A count as the page shows it: "<5" when withheld, "–" when unknown or withheld without a flag. */
function count(value: number | null, withheld: boolean): CellValue {
  return withheld ? '<5' : value;
}

function coverageTables(summary: CoverageSummary, nameOf: (code: string) => string): DataTable[] {
  const codes = Object.keys(summary.bySettlement).sort();
  return [
    {
      id: 'coverage',
      title: tx('export.table.coverage'),
      columns: [
        { key: 'code', label: tx('export.col.code') },
        { key: 'name', label: tx('export.col.name') },
        { key: 'distanceKm', label: tx('export.col.distanceKm') },
        { key: 'covered', label: tx('export.col.covered') },
      ],
      rows: codes.map((code) => {
        const entry = summary.bySettlement[code]!;
        return { code, name: nameOf(code), distanceKm: entry.distanceKm === null ? null : Math.round(entry.distanceKm * 10) / 10, covered: entry.covered ? tx('export.yes') : tx('export.no') };
      }),
    },
    {
      id: 'neediest',
      title: tx('export.table.neediest'),
      columns: [
        { key: 'code', label: tx('export.col.code') },
        { key: 'name', label: tx('export.col.name') },
        { key: 'population', label: tx('export.col.population') },
        { key: 'distanceKm', label: tx('export.col.distanceKm') },
        { key: 'households', label: i18n.t('tooltip.households') },
        { key: 'persons', label: i18n.t('tooltip.persons') },
        { key: 'need', label: tx('export.col.need') },
      ],
      // The page shows a withheld or missing count as "–" (the API sends neither a number nor a flag).
      rows: summary.neediestUncovered.map((place) => ({
        code: place.code,
        name: place.name,
        population: place.population,
        distanceKm: place.distanceKm === null ? null : Math.round(place.distanceKm * 10) / 10,
        households: place.households ?? '–',
        persons: place.persons ?? '–',
        need: place.need,
      })),
    },
  ];
}

function catchmentsTable(result: CatchmentResult): DataTable {
  return {
    id: 'catchments',
    title: tx('export.table.catchments'),
    columns: [
      { key: 'name', label: tx('export.col.name') },
      { key: 'settlements', label: tx('export.col.points') },
      { key: 'population', label: tx('export.col.population') },
      { key: 'households', label: i18n.t('tooltip.households') },
      { key: 'load', label: tx('export.col.load') },
      { key: 'capacity', label: tx('export.col.capacity') },
      { key: 'meanDistanceKm', label: tx('export.col.distanceKm') },
    ],
    rows: result.sites.map((entry) => ({
      name: entry.site.name,
      settlements: entry.settlements,
      population: entry.population,
      households: entry.households ?? '–',
      load: count(entry.load, entry.loadBelowThreshold),
      capacity: entry.site.capacity,
      meanDistanceKm: Math.round(entry.meanDistanceKm * 10) / 10,
    })),
    geometries: result.sites.map((entry) => entry.geometry),
  };
}

function hexagonTable(cells: readonly HexCell[]): DataTable {
  return {
    id: 'hexagons',
    title: tx('export.table.hexagons'),
    columns: [
      { key: 'h3', label: tx('export.col.hexagon') },
      { key: 'points', label: tx('export.col.points') },
      { key: 'population', label: tx('export.col.population') },
      { key: 'households', label: i18n.t('tooltip.households') },
      { key: 'persons', label: i18n.t('tooltip.persons') },
      { key: 'value', label: tx('export.col.value') },
    ],
    rows: cells.map((cell) => ({
      h3: cell.h3,
      points: cell.points,
      population: cell.population,
      households: count(cell.households, cell.householdsBelowThreshold),
      persons: count(cell.persons, cell.personsBelowThreshold),
      value: cell.value,
    })),
    geometries: hexPolygons(cells).map((polygon) => ({ type: 'Polygon', coordinates: [[...polygon.ring, polygon.ring[0]!]] })),
  };
}

function needIndexTable(shown: NonNullable<AnalysisShown['needIndex']>, nameOf: (code: string) => string): DataTable {
  const codes = Object.keys(shown.values.values).sort();
  return {
    id: 'need-index',
    title: tx('export.table.needIndex'),
    columns: [
      { key: 'code', label: tx('export.col.code') },
      { key: 'name', label: tx('export.col.name') },
      { key: 'value', label: i18n.pick(shown.indicator.title) },
    ],
    rows: codes.map((code) => ({ code, name: nameOf(code), value: shown.values.values[code] ?? null })),
  };
}

function coverageFigures(summary: CoverageSummary, locale: Locale): KeyFigure[] {
  const pair = (settlements: number, population: number) => `${formatNumber(settlements, locale, 0)} / ${formatNumber(population, locale, 0)}`;
  return [
    { label: tx('export.figure.covered'), value: pair(summary.covered.settlements, summary.covered.population) },
    { label: tx('export.figure.uncovered'), value: pair(summary.uncovered.settlements, summary.uncovered.population) },
  ];
}

/** The analysis page's view for the exports: the analysis on the map, its legend, figures and tables. */
export function analysisExport(shown: AnalysisShown, map: SnapshotSource | null, legend: readonly LegendSection[], attributions: readonly Attribution[]): ExportView {
  const locale = i18n.current;
  return {
    title: shown.title,
    slug: 'analysis',
    snapshot: () => map?.snapshot() ?? null,
    legend,
    attributions,
    figures: shown.coverage ? coverageFigures(shown.coverage, locale) : [],
    charts: () => [...document.querySelectorAll<SVGSVGElement>('.controls svg[role="img"], svg[data-export-chart]')],
    tables: () => [
      ...(shown.coverage ? coverageTables(shown.coverage, shown.nameOf) : []),
      ...(shown.catchments ? [catchmentsTable(shown.catchments)] : []),
      ...(shown.needIndex ? [needIndexTable(shown.needIndex, shown.nameOf)] : []),
      ...(shown.hexagons ? [hexagonTable(shown.hexagons)] : []),
    ],
    reportTable: shown.coverage ? 'neediest' : shown.catchments ? 'catchments' : undefined,
  };
}
