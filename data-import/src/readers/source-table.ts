import type { TextEncoding } from './decode-text.ts';

/** A geometry as read from a file: GeoJSON text, or WKB from a GeoPackage; PostGIS parses either. */
export type SourceGeometry = { kind: 'geojson'; text: string } | { kind: 'wkb'; hex: string };

export interface SourceRecord {
  /** Where the record is in its file, for people: `line 7`, `row 7`, `feature 3`. */
  location: string;
  /** 1-based position used in reports and stored as source_row. */
  row: number;
  /** Raw values by column header, as text; empty cells are ''. */
  fields: Record<string, string>;
  geometry: SourceGeometry | null;
}

/** 'form': one record typed into the web page or sent as JSON, checked like a file's row. */
export type SourceFormat = 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'geopackage' | 'form';

/** One tabular or vector file, read into records with text values and optional geometry. */
export interface SourceTable {
  format: SourceFormat;
  columns: string[];
  records: SourceRecord[];
  encoding?: TextEncoding;
  delimiter?: string;
  /** EPSG code the file declares for its geometries or coordinates, when it declares one. */
  srid?: number;
}
