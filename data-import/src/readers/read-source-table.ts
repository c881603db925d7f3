import { ImportError } from '../import-error.ts';
import { readCsvTable, type CsvTableOptions } from './csv-table-reader.ts';
import type { SourceTable } from './source-table.ts';
import { readGeoJsonTable, readGeoPackageTable, readZippedShapefileTable } from './vector-table-readers.ts';
import { readXlsxTable } from './xlsx-table-reader.ts';

/** Above this an import is refused before it is read: uploads and files are held in memory. */
export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export interface ReadOptions extends CsvTableOptions {
  maxBytes?: number | undefined;
}

/** Reads any supported file by its name's extension (and its first bytes where the name is unclear). */
export async function readSourceTable(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceTable> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new ImportError(fileName, undefined, `the file is ${megabytes(bytes.byteLength)}, above the import limit of ${megabytes(maxBytes)}; split it into smaller files`);
  }
  if (bytes.byteLength === 0) throw new ImportError(fileName, undefined, 'the file is empty');
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  // Zip containers (a zipped shapefile, an .xlsx workbook) expand within the same limit: they are held in memory too.
  if (lower.endsWith('.xlsx')) return readXlsxTable(fileName, bytes, maxBytes);
  if (lower.endsWith('.zip') || (isZip && lower.endsWith('.shp.zip'))) return readZippedShapefileTable(fileName, bytes, maxBytes);
  if (lower.endsWith('.gpkg')) return readGeoPackageTable(fileName, bytes);
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return readGeoJsonTable(fileName, bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsvTable(fileName, bytes, options);
  if (lower.endsWith('.xls')) throw new ImportError(fileName, undefined, 'old Excel .xls files are not supported: save the sheet as .xlsx or CSV');
  throw new ImportError(fileName, undefined, 'unknown file type: use .csv, .xlsx, .geojson, a zipped shapefile (.zip) or .gpkg');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
