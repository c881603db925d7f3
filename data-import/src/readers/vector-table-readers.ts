import type { Feature, Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import initSqlJs from 'sql.js';
import { ImportError } from '../import-error.ts';
import { decodeText } from './decode-text.ts';
import { declaredSrid } from './declared-srid.ts';
import { shapefileEncoding } from './shapefile-encoding.ts';
import type { SourceRecord, SourceTable } from './source-table.ts';
import { unzipWithinBudget } from './unzip-within-budget.ts';

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

function columnsOf(records: SourceRecord[]): string[] {
  const columns = new Set<string>();
  for (const record of records) for (const column of Object.keys(record.fields)) columns.add(column);
  return [...columns];
}

/** A GeoJSON FeatureCollection (properties become fields); a legacy `crs` member may declare EOV. */
export function readGeoJsonTable(fileName: string, bytes: Uint8Array): SourceTable {
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new ImportError(fileName, undefined, 'the file is empty');
  let parsed: { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new ImportError(fileName, undefined, `malformed JSON: ${(error as Error).message}`);
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new ImportError(fileName, undefined, 'not a GeoJSON FeatureCollection');
  }
  if (parsed.features.length === 0) throw new ImportError(fileName, undefined, 'the FeatureCollection has no features');
  const records = parsed.features.map((item, index): SourceRecord => {
    const feature = item as Feature;
    if (feature?.type !== 'Feature') throw new ImportError(fileName, `feature ${index + 1}`, 'not a GeoJSON Feature');
    return {
      location: `feature ${index + 1}`,
      row: index + 1,
      fields: Object.fromEntries(Object.entries(feature.properties ?? {}).map(([key, value]) => [key, fieldText(value)])),
      geometry: feature.geometry ? { kind: 'geojson', text: JSON.stringify(feature.geometry) } : null,
    };
  });
  const srid = declaredSrid(parsed.crs?.properties?.name);
  return { format: 'geojson', columns: columnsOf(records), records, ...(srid ? { srid } : {}) };
}

const SHAPEFILE_PARTS = ['.shp', '.dbf', '.prj', '.cpg'];

/**
 * A zipped ESRI Shapefile: .shp + .dbf (+ .prj for the projection, .cpg for the attribute encoding).
 * Only those entries are expanded, streamed within `maxExpandedBytes` (a zip bomb is refused while read).
 */
export async function readZippedShapefileTable(fileName: string, bytes: Uint8Array, maxExpandedBytes: number): Promise<SourceTable> {
  const entries = await unzipWithinBudget(fileName, bytes, {
    maxExpandedBytes,
    wanted: (name) => !name.startsWith('__MACOSX') && SHAPEFILE_PARTS.some((extension) => name.toLowerCase().endsWith(extension)),
  });
  const find = (extension: string) => [...entries].find(([name]) => name.toLowerCase().endsWith(extension));
  const shp = find('.shp');
  const dbf = find('.dbf');
  if (!shp || !dbf) throw new ImportError(fileName, undefined, 'the zip must hold a shapefile: a .shp and a .dbf file with the same name');
  const prj = find('.prj');
  const cpg = find('.cpg');
  const records: SourceRecord[] = [];
  try {
    const source = await shapefile.open(toArrayBuffer(shp[1]), toArrayBuffer(dbf[1]), { encoding: shapefileEncoding(cpg?.[1], dbf[1]) });
    for (let result = await source.read(); !result.done; result = await source.read()) {
      const feature = result.value as Feature<Geometry | null>;
      const index = records.length + 1;
      records.push({
        location: `feature ${index}`,
        row: index,
        fields: Object.fromEntries(Object.entries(feature.properties ?? {}).map(([key, value]) => [key, fieldText(value)])),
        geometry: feature.geometry ? { kind: 'geojson', text: JSON.stringify(feature.geometry) } : null,
      });
    }
  } catch (error) {
    throw new ImportError(fileName, `${shp[0]} feature ${records.length + 1}`, `unreadable shapefile: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new ImportError(fileName, undefined, 'the shapefile has no features');
  const srid = declaredSrid(prj ? decodeText(prj[1]).text : undefined);
  return { format: 'shapefile', columns: columnsOf(records), records, ...(srid ? { srid } : {}) };
}

/** The first feature table of an OGC GeoPackage (SQLite); geometry blobs are passed on as WKB. */
export async function readGeoPackageTable(fileName: string, bytes: Uint8Array): Promise<SourceTable> {
  const SQL = await initSqlJs();
  let database;
  try {
    database = new SQL.Database(bytes);
    database.exec('SELECT 1 FROM gpkg_contents LIMIT 1');
  } catch {
    throw new ImportError(fileName, undefined, 'not a GeoPackage (no gpkg_contents table in an SQLite file)');
  }
  try {
    const layers = database.exec(`
      SELECT c.table_name, g.column_name, s.organization_coordsys_id, s.definition
      FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
      LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
      WHERE c.data_type = 'features' ORDER BY c.table_name LIMIT 1`)[0]?.values[0];
    if (!layers) throw new ImportError(fileName, undefined, 'the GeoPackage has no feature table');
    const [table, geometryColumn, epsg, definition] = layers as [string, string, number | null, string | null];
    const statement = database.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`);
    const records: SourceRecord[] = [];
    while (statement.step()) {
      const row = statement.getAsObject();
      const index = records.length + 1;
      const blob = row[geometryColumn];
      const fields: Record<string, string> = {};
      for (const [key, value] of Object.entries(row)) if (key !== geometryColumn && !(value instanceof Uint8Array)) fields[key] = fieldText(value);
      records.push({
        location: `feature ${index} (table ${table})`,
        row: index,
        fields,
        geometry: blob instanceof Uint8Array ? { kind: 'wkb', hex: gpkgBlobToWkbHex(fileName, index, blob) } : null,
      });
    }
    statement.free();
    if (records.length === 0) throw new ImportError(fileName, undefined, `the feature table ${table} is empty`);
    const srid = epsg === 4326 || epsg === 23700 ? epsg : declaredSrid(definition ?? undefined);
    return { format: 'geopackage', columns: columnsOf(records), records, ...(srid ? { srid } : {}) };
  } finally {
    database.close();
  }
}

/** Strips the GeoPackage binary header (magic, flags, srs id, envelope) to leave standard WKB. */
function gpkgBlobToWkbHex(fileName: string, index: number, blob: Uint8Array): string {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new ImportError(fileName, `feature ${index}`, 'geometry is not a GeoPackage binary (no "GP" header)');
  const flags = blob[3] ?? 0;
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 0b111];
  if (envelopeBytes === undefined) throw new ImportError(fileName, `feature ${index}`, 'geometry header declares an unknown envelope');
  return Buffer.from(blob.subarray(8 + envelopeBytes)).toString('hex');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
