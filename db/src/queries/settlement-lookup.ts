import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface SettlementKey {
  code: string;
  name: string;
  nameFolded: string;
  countyCode: string;
  countyName: string;
  postcodes: string[];
  /** The settlement's label point, used where a row gives no coordinates of its own. */
  point: [number, number];
}

/** Every settlement's identifying fields: the locator matches names and postcodes against these in memory. */
export async function listSettlementKeys(db: Kysely<Database> | Transaction<Database>): Promise<SettlementKey[]> {
  const { rows } = await sql<{ code: string; name: string; name_folded: string; county_code: string; county_name: string; postcodes: string[]; lon: number; lat: number }>`
    SELECT s.code, s.name, s.name_folded, s.county_code, c.name AS county_name, s.postcodes,
      ST_X(s.label_point) AS lon, ST_Y(s.label_point) AS lat
    FROM settlement s JOIN county c ON c.code = s.county_code ORDER BY s.code`.execute(db);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    nameFolded: row.name_folded,
    countyCode: row.county_code,
    countyName: row.county_name,
    postcodes: row.postcodes,
    point: [row.lon, row.lat],
  }));
}

export interface PointToLocate {
  /** Index of the input record, echoed back. */
  index: number;
  x: number;
  y: number;
  srid: number;
}

export interface LocatedPoint {
  index: number;
  lon: number;
  lat: number;
  /** The settlement the point lies in, or null when it lies in none (outside Hungary). */
  settlementCode: string | null;
}

/** Reprojects points to WGS 84 in PostGIS and finds the settlement each lies in. */
export async function locatePoints(db: Kysely<Database> | Transaction<Database>, points: readonly PointToLocate[]): Promise<LocatedPoint[]> {
  if (points.length === 0) return [];
  const { rows } = await sql<{ index: number; lon: number; lat: number; settlement_code: string | null }>`
    WITH p AS (
      SELECT item.index, ST_Transform(ST_SetSRID(ST_MakePoint(item.x, item.y), item.srid), 4326) AS geom
      FROM json_to_recordset(${JSON.stringify(points)}::json) AS item(index integer, x float8, y float8, srid integer)
    )
    SELECT p.index, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat,
      (SELECT s.code FROM settlement s WHERE ST_Intersects(s.geom, p.geom) ORDER BY s.code LIMIT 1) AS settlement_code
    FROM p ORDER BY p.index`.execute(db);
  return rows.map((row) => ({ index: row.index, lon: row.lon, lat: row.lat, settlementCode: row.settlement_code }));
}

export interface AreaToLocate {
  index: number;
  geometry: { kind: 'geojson'; text: string } | { kind: 'wkb'; hex: string };
  srid: number;
}

export interface LocatedArea {
  index: number;
  valid: boolean;
  polygonal: boolean;
  /** Why PostGIS finds the geometry invalid, as it says it. */
  invalidReason: string | null;
  settlementCode: string | null;
  /** Reprojected to WGS 84 and repaired, as GeoJSON. */
  geojson: string | null;
}

/** Reprojects, validates and repairs polygons in PostGIS, and finds the settlement each lies in. */
export async function locateAreas(db: Kysely<Database> | Transaction<Database>, areas: readonly AreaToLocate[]): Promise<LocatedArea[]> {
  if (areas.length === 0) return [];
  const input = areas.map((area) => ({
    index: area.index,
    srid: area.srid,
    geojson: area.geometry.kind === 'geojson' ? area.geometry.text : null,
    wkb: area.geometry.kind === 'wkb' ? area.geometry.hex : null,
  }));
  const { rows } = await sql<{ index: number; valid: boolean; polygonal: boolean; invalid_reason: string | null; settlement_code: string | null; geojson: string | null }>`
    WITH raw AS (
      SELECT item.index, ST_SetSRID(coalesce(ST_GeomFromGeoJSON(item.geojson), ST_GeomFromWKB(decode(item.wkb, 'hex'))), item.srid) AS geom
      FROM json_to_recordset(${JSON.stringify(input)}::json) AS item(index integer, srid integer, geojson text, wkb text)
    ), fixed AS (
      SELECT index, ST_IsValid(geom) AS valid, CASE WHEN ST_IsValid(geom) THEN NULL ELSE ST_IsValidReason(geom) END AS invalid_reason,
        GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON') AS polygonal,
        ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(geom, 4326)), 3)) AS geom
      FROM raw
    )
    SELECT index, valid, polygonal, invalid_reason,
      (SELECT s.code FROM settlement s WHERE NOT ST_IsEmpty(f.geom) AND ST_Intersects(s.geom, ST_PointOnSurface(f.geom)) LIMIT 1) AS settlement_code,
      CASE WHEN ST_IsEmpty(f.geom) THEN NULL ELSE ST_AsGeoJSON(f.geom, 7) END AS geojson
    FROM fixed f ORDER BY index`.execute(db);
  return rows.map((row) => ({
    index: row.index,
    valid: row.valid,
    polygonal: row.polygonal,
    invalidReason: row.invalid_reason,
    settlementCode: row.settlement_code,
    geojson: row.geojson,
  }));
}
