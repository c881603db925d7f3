import type { Locale } from '$lib/api/contract';
import type { CellValue, DataTable } from './export-types';

/** A CSV cell: quoted when it holds a separator, a quote or a line break. */
export function csvCell(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as Hungarian Excel reads it (decimal comma), or with a decimal point in English. */
export function csvNumber(value: number, digits: number, locale: Locale): string {
  const text = Number(value.toFixed(digits)).toString();
  return locale === 'hu' ? text.replace('.', ',') : text;
}

/**
 * Rows as CSV the way Hungarian Excel opens it: UTF-8 with a byte-order mark (or Excel reads it as
 * Latin-2), semicolons between cells, CRLF line ends.
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function cellText(value: CellValue, locale: Locale): string {
  if (value === null) return '';
  // Numbers keep up to 4 decimals: indicator values and shares are never more precise than that.
  return typeof value === 'number' ? csvNumber(value, 4, locale) : value;
}

/** A data table as CSV with its column labels as the header; texts (e.g. "<5") go out exactly as shown. */
export function tableCsv(table: DataTable, locale: Locale): string {
  return csvText([table.columns.map((column) => column.label), ...table.rows.map((row) => table.columns.map((column) => cellText(row[column.key] ?? null, locale)))]);
}

/** A data table as a GeoJSON FeatureCollection: a feature per row, its cells as properties under the column keys. */
export function tableGeoJson(table: DataTable): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: table.rows.map((row, index) => ({
      type: 'Feature',
      geometry: table.geometries?.[index] ?? (null as unknown as GeoJSON.Geometry),
      properties: Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null])),
    })),
  };
}
