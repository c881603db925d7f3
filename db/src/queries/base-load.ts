import { sql, type Kysely, type Transaction } from 'kysely';
import { generaliseSharedBorders, type BoundaryGeometry } from '../geometry/generalise-shared-borders.ts';
import type { IndicatorCategory, Database, UnitKind } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A boundary as GeoJSON MultiPolygon text; repaired with ST_MakeValid on the way in. */
interface WithBoundary {
  code: string;
  boundary: string;
}

export interface CountyInput extends WithBoundary {
  name: string;
  nameFolded: string;
}

export interface DistrictInput extends WithBoundary {
  name: string;
  nameFolded: string;
  seatName: string;
  countyCode: string;
}

export interface SettlementInput extends WithBoundary {
  name: string;
  nameFolded: string;
  legalStatus: string;
  countyCode: string;
  districtCode: string;
  population2024: number;
  areaHa: number;
  dwellings: number;
  romaSelfGovernment: boolean;
  postcodes: string[];
}

export interface SettlementPartInput {
  settlementCode: string;
  seq: number;
  name: string;
  partType: string;
  outskirtKind: string | null;
  postcode: string | null;
  distanceKm: number | null;
  population2011: number | null;
  dwellings2011: number | null;
}

export interface IndicatorInput {
  key: string;
  titleHu: string;
  titleEn: string;
  unitHu: string;
  unitEn: string;
  kind: 'numeric' | 'category';
  needDirection: -1 | 0 | 1;
  source: string;
  attribution: string;
  categories: IndicatorCategory[] | null;
  sortOrder: number;
}

export interface IndicatorValueInput {
  unitKind: UnitKind;
  unitCode: string;
  indicatorKey: string;
  year: number;
  value: number;
  source: string;
}

/** The incoming `item.boundary` repaired, its polygonal part kept, forced to MultiPolygon: every stored boundary is valid. */
const validBoundary = sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(item.boundary), 4326)), 3))`;

/**
 * Ends the `incoming` subquery of the boundary upserts. Without it PostgreSQL folds the subquery into
 * the insert and writes `geom` out as its whole expression wherever it is used: every boundary was
 * parsed from GeoJSON and repaired four times (the column and three times in the label point), three
 * quarters of the base load's boundary time. `OFFSET 0` keeps the subquery a step of its own.
 */
const parsedOnce = sql`OFFSET 0`;

/** Label point: the centroid where it falls inside, otherwise a point on the surface. */
const labelPoint = sql`CASE WHEN ST_Contains(geom, ST_Centroid(geom)) THEN ST_Centroid(geom) ELSE ST_PointOnSurface(geom) END`;

/** How many of the given boundaries are invalid as published (they are repaired on upsert). */
export async function countInvalidBoundaries(db: Db, items: readonly WithBoundary[]): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT item.code FROM json_to_recordset(${JSON.stringify(items)}::json) AS item(code text, boundary text)
    WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(item.boundary))`.execute(db);
  return rows.map((row) => row.code);
}

export async function upsertCounties(db: Db, items: readonly CountyInput[]): Promise<void> {
  await sql`
    INSERT INTO county (code, name, name_folded, geom, label_point)
    SELECT code, name, name_folded, geom, ${labelPoint}
    FROM (
      SELECT item.code, item.name, item."nameFolded" AS name_folded, ${validBoundary} AS geom
      FROM json_to_recordset(${JSON.stringify(items)}::json) AS item(code text, name text, "nameFolded" text, boundary text)
      ${parsedOnce}
    ) AS incoming
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
      geom = excluded.geom, label_point = excluded.label_point`.execute(db);
}

export async function upsertDistricts(db: Db, items: readonly DistrictInput[]): Promise<void> {
  await sql`
    INSERT INTO district (code, name, name_folded, seat_name, county_code, geom, label_point)
    SELECT code, name, name_folded, seat_name, county_code, geom, ${labelPoint}
    FROM (
      SELECT item.code, item.name, item."nameFolded" AS name_folded, item."seatName" AS seat_name,
        item."countyCode" AS county_code, ${validBoundary} AS geom
      FROM json_to_recordset(${JSON.stringify(items)}::json)
        AS item(code text, name text, "nameFolded" text, "seatName" text, "countyCode" text, boundary text)
      ${parsedOnce}
    ) AS incoming
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
      seat_name = excluded.seat_name, county_code = excluded.county_code,
      geom = excluded.geom, label_point = excluded.label_point`.execute(db);
}

export async function upsertSettlements(db: Db, items: readonly SettlementInput[]): Promise<void> {
  await sql`
    INSERT INTO settlement (code, name, name_folded, legal_status, county_code, district_code, population_2024,
      area_ha, dwellings, roma_self_government, postcodes, geom, label_point)
    SELECT code, name, name_folded, legal_status, county_code, district_code, population_2024,
      area_ha, dwellings, roma_self_government, postcodes, geom, ${labelPoint}
    FROM (
      SELECT item.code, item.name, item."nameFolded" AS name_folded, item."legalStatus" AS legal_status,
        item."countyCode" AS county_code, item."districtCode" AS district_code,
        item."population2024" AS population_2024, item."areaHa" AS area_ha, item.dwellings,
        item."romaSelfGovernment" AS roma_self_government,
        ARRAY(SELECT json_array_elements_text(item.postcodes)) AS postcodes,
        ${validBoundary} AS geom
      FROM json_to_recordset(${JSON.stringify(items)}::json) AS item(code text, name text, "nameFolded" text,
        "legalStatus" text, "countyCode" text, "districtCode" text, "population2024" integer, "areaHa" integer,
        dwellings integer, "romaSelfGovernment" boolean, postcodes json, boundary text)
      ${parsedOnce}
    ) AS incoming
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
      legal_status = excluded.legal_status, county_code = excluded.county_code,
      district_code = excluded.district_code, population_2024 = excluded.population_2024,
      area_ha = excluded.area_ha, dwellings = excluded.dwellings,
      roma_self_government = excluded.roma_self_government, postcodes = excluded.postcodes,
      geom = excluded.geom, label_point = excluded.label_point`.execute(db);
}

export async function upsertSettlementParts(db: Db, items: readonly SettlementPartInput[]): Promise<void> {
  await sql`
    INSERT INTO settlement_part (settlement_code, seq, name, part_type, outskirt_kind, postcode, distance_km,
      population_2011, dwellings_2011)
    SELECT item."settlementCode", item.seq, item.name, item."partType", item."outskirtKind", item.postcode,
      item."distanceKm", item."population2011", item."dwellings2011"
    FROM json_to_recordset(${JSON.stringify(items)}::json) AS item("settlementCode" text, seq integer, name text,
      "partType" text, "outskirtKind" text, postcode text, "distanceKm" double precision,
      "population2011" integer, "dwellings2011" integer)
    ON CONFLICT (settlement_code, seq) DO UPDATE SET name = excluded.name, part_type = excluded.part_type,
      outskirt_kind = excluded.outskirt_kind, postcode = excluded.postcode, distance_km = excluded.distance_km,
      population_2011 = excluded.population_2011, dwellings_2011 = excluded.dwellings_2011`.execute(db);
}

/** Removes parts that are no longer in the source, so a re-import mirrors the file exactly. */
export async function deleteSettlementPartsNotIn(db: Db, keys: readonly { settlementCode: string; seq: number }[]): Promise<void> {
  await sql`
    DELETE FROM settlement_part AS part
    WHERE NOT EXISTS (
      SELECT 1 FROM json_to_recordset(${JSON.stringify(keys)}::json) AS item("settlementCode" text, seq integer)
      WHERE item."settlementCode" = part.settlement_code AND item.seq = part.seq)`.execute(db);
}

export async function upsertIndicators(db: Db, items: readonly IndicatorInput[]): Promise<void> {
  await sql`
    INSERT INTO indicator (key, title_hu, title_en, unit_hu, unit_en, kind, need_direction, source, attribution,
      categories, sort_order)
    SELECT item.key, item."titleHu", item."titleEn", item."unitHu", item."unitEn", item.kind, item."needDirection",
      item.source, item.attribution, item.categories::jsonb, item."sortOrder"
    FROM json_to_recordset(${JSON.stringify(items)}::json) AS item(key text, "titleHu" text, "titleEn" text,
      "unitHu" text, "unitEn" text, kind text, "needDirection" smallint, source text, attribution text,
      categories json, "sortOrder" integer)
    ON CONFLICT (key) DO UPDATE SET title_hu = excluded.title_hu, title_en = excluded.title_en,
      unit_hu = excluded.unit_hu, unit_en = excluded.unit_en, kind = excluded.kind,
      need_direction = excluded.need_direction, source = excluded.source, attribution = excluded.attribution,
      categories = excluded.categories, sort_order = excluded.sort_order`.execute(db);
}

export async function upsertIndicatorValues(db: Db, items: readonly IndicatorValueInput[]): Promise<void> {
  await sql`
    INSERT INTO indicator_value (unit_kind, unit_code, indicator_key, year, value, source)
    SELECT item."unitKind", item."unitCode", item."indicatorKey", item.year, item.value, item.source
    FROM json_to_recordset(${JSON.stringify(items)}::json) AS item("unitKind" text, "unitCode" text,
      "indicatorKey" text, year integer, value double precision, source text)
    ON CONFLICT (unit_kind, indicator_key, year, unit_code) DO UPDATE SET value = excluded.value,
      source = excluded.source`.execute(db);
}

/**
 * Zooms up to 6: every border simplified once for all three layers together (`generaliseSharedBorders`),
 * so neighbours still meet, dropping what spans less than a square pixel at zoom 5 (a zoom-5 tile is
 * drawn up to zoom 6, and it holds nearly every settlement of the country, as does one zoom-6 tile).
 * Simplifying each boundary on its own (the finer levels) cannot go this far without gaps between neighbours.
 */
export const SHARED_BORDER_LEVEL = { minZoom: 0, zoom: 5, minArea: 1 } as const;

/** The finer zoom buckets: each boundary simplified on its own, tolerance in degrees (about half a pixel at that zoom). */
const SIMPLIFIED_LEVELS: readonly { minZoom: number; tolerance: number }[] = [
  { minZoom: 7, tolerance: 0.002 },
  { minZoom: 8, tolerance: 0.0005 },
  { minZoom: 10, tolerance: 0.0001 },
  { minZoom: 12, tolerance: 0 },
];

/** Every zoom bucket of `boundary_generalised`, coarsest first. */
export const GENERALISATION_LEVELS: readonly { minZoom: number }[] = [SHARED_BORDER_LEVEL, ...SIMPLIFIED_LEVELS];

const BOUNDARY_TABLES = [['county', 'county'], ['district', 'district'], ['settlement', 'settlement']] as const;

/**
 * Rebuilds the generalised copies of every boundary. Deterministic from the
 * stored geometry, so a re-import that changes no boundary writes the same rows.
 */
export async function rebuildGeneralisedBoundaries(db: Db): Promise<void> {
  await sql`DELETE FROM boundary_generalised`.execute(db);
  const stored: Record<string, BoundaryGeometry[]> = {};
  for (const [unitKind, table] of BOUNDARY_TABLES) {
    const { rows } = await sql<{ code: string; geojson: string }>`
      SELECT code, ST_AsGeoJSON(geom) AS geojson FROM ${sql.table(table)} ORDER BY code`.execute(db);
    stored[unitKind] = rows.map((row) => ({ code: row.code, geometry: JSON.parse(row.geojson) as BoundaryGeometry['geometry'] }));
  }
  const shared = generaliseSharedBorders(stored, SHARED_BORDER_LEVEL);
  for (const [unitKind] of BOUNDARY_TABLES) {
    // Where two simplified arcs cross, a ring self-intersects: repaired here, as every stored boundary is.
    const items = shared[unitKind]!.map((unit) => ({ code: unit.code, boundary: JSON.stringify(unit.geometry) }));
    await sql`
      INSERT INTO boundary_generalised (unit_kind, code, min_zoom, geom)
      SELECT ${unitKind}, item.code, ${SHARED_BORDER_LEVEL.minZoom}::smallint, ${validBoundary}
      FROM json_to_recordset(${JSON.stringify(items)}::json) AS item(code text, boundary text)`.execute(db);
  }
  for (const { minZoom, tolerance } of SIMPLIFIED_LEVELS) {
    for (const [unitKind, table] of BOUNDARY_TABLES) {
      // Simplifying can make a ring cross itself: repaired. The stored boundaries are valid multipolygons
      // already (repaired on the way in), so the finest level copies them (repairing them again gave the
      // same bytes for every boundary of the base data, and cost a second of the first start).
      const generalised = tolerance > 0 ? sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(geom, ${tolerance}::float8)), 3))` : sql`geom`;
      await sql`
        INSERT INTO boundary_generalised (unit_kind, code, min_zoom, geom)
        SELECT ${unitKind}, code, ${minZoom}::smallint, ${generalised}
        FROM ${sql.table(table)}`.execute(db);
    }
  }
}

/** Whether the base data is loaded (a settlement exists), without counting every table. */
export async function baseDataPresent(db: Db): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT EXISTS (SELECT 1 FROM settlement) AS present`.execute(db);
  return rows[0]?.present ?? false;
}

/** Whether the generalised boundaries are missing a zoom bucket (a database loaded before the bucket existed). */
export async function generalisedLevelsOutdated(db: Db): Promise<boolean> {
  // The distinct levels found by walking the primary key (unit_kind, min_zoom, code) from one level to the
  // next: a few index probes, where SELECT DISTINCT read all 17,000 boundaries at every start.
  const { rows } = await sql<{ minZoom: number }>`
    WITH RECURSIVE level AS (
      (SELECT unit_kind, min_zoom FROM boundary_generalised ORDER BY unit_kind, min_zoom LIMIT 1)
      UNION ALL
      SELECT following.unit_kind, following.min_zoom FROM level, LATERAL (
        SELECT unit_kind, min_zoom FROM boundary_generalised AS b
        WHERE (b.unit_kind, b.min_zoom) > (level.unit_kind, level.min_zoom)
        ORDER BY unit_kind, min_zoom LIMIT 1) AS following
    )
    SELECT DISTINCT min_zoom AS "minZoom" FROM level ORDER BY 1`.execute(db);
  return rows.map((row) => Number(row.minZoom)).join() !== GENERALISATION_LEVELS.map((level) => level.minZoom).join();
}
