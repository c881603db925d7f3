import type { Layer } from '@deck.gl/core';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Attribution } from '$lib/api/contract';
import type { LegendSection } from '$lib/map/legend-section';

/** A feature state a map set on a source's features (the thematic maps fill settlements this way). */
export interface FeatureStateEntry {
  source: string;
  sourceLayer: string;
  id: string;
  state: Record<string, unknown>;
}

/**
 * What is needed to draw a map again at another size: the live maplibre map (its style, camera and
 * size), the deck.gl layers drawn over it, and the feature states that are not part of the style.
 */
export interface MapSnapshot {
  map: MaplibreMap;
  layers: readonly Layer[];
  featureStates: readonly FeatureStateEntry[];
}

/** A page's map, as far as the exports need it. */
export interface SnapshotSource {
  snapshot(): MapSnapshot;
}

/** A value as the screen shows it: a number, a text ("<5" for a suppressed count), or nothing. */
export type CellValue = string | number | null;

export interface DataColumn {
  key: string;
  label: string;
}

/** One table of the data behind a view, as exported to CSV and GeoJSON. */
export interface DataTable {
  id: string;
  title: string;
  columns: readonly DataColumn[];
  rows: readonly Record<string, CellValue>[];
  /** Each row's geometry for GeoJSON (same order as `rows`); null rows export with a null geometry. */
  geometries?: readonly (GeoJSON.Geometry | null)[];
}

/** A key figure of the view: a label and its value as displayed. */
export interface KeyFigure {
  label: string;
  value: string;
}

/** Everything one page hands to the export controls, read at the moment of an export. */
export interface ExportView {
  /** Names the file ("terep-…") and titles the image and the report. */
  title: string;
  subtitle?: string;
  /** The page's short name for file names, e.g. "dashboard". */
  slug: string;
  snapshot: () => MapSnapshot | null;
  legend: readonly LegendSection[];
  /** Every source in view; a page that does not list them itself gives a loader. */
  attributions: readonly Attribution[] | (() => Promise<readonly Attribution[]>);
  figures?: readonly KeyFigure[];
  /** The d3 charts on the page, drawn into the report. */
  charts?: () => readonly SVGSVGElement[];
  /** Tables behind the view; the first is the one listed in the report when `reportTable` names none. */
  tables: () => readonly DataTable[];
  /** The table printed in the report (proposed sites, routes); none on pages without one. */
  reportTable?: string;
}
