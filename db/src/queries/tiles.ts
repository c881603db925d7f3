import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, UnitKind } from '../schema.ts';
import { generalisationBucket } from './layers.ts';

/** MVT conventions shared by both tile paths. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** A feature in tile coordinates, as vt-pbf takes it: rings of [x, y] for polygons. */
export interface TileFeature {
  id: number;
  properties: Record<string, string | number | null>;
  rings: [number, number][][];
}

/** Attribute columns of each boundary layer's tile features (source expression → name), the same on both paths. */
const ATTRIBUTES: Record<UnitKind, [string, string][]> = {
  settlement: [['u.code', 'code'], ['u.name', 'name'], ['u.county_code', 'countyCode'], ['u.district_code', 'districtCode'], ['u.population_2024', 'population']],
  district: [['u.code', 'code'], ['u.name', 'name'], ['u.county_code', 'countyCode']],
  county: [['u.code', 'code'], ['u.name', 'name']],
};

/**
 * Settlements up to this zoom carry only their name: one tile there holds nearly all 3,177, and the
 * other attributes (about 80 KB) would take it past the 150 KB a tile may weigh. The feature id is
 * the KSH code as a number at every zoom.
 */
const SETTLEMENT_NAME_ONLY_MAX_ZOOM = 6;

function attributesOf(unitKind: UnitKind, z: number): [string, string][] {
  return unitKind === 'settlement' && z <= SETTLEMENT_NAME_ONLY_MAX_ZOOM ? [['u.name', 'name']] : ATTRIBUTES[unitKind];
}

const TABLES: Record<UnitKind, string> = { settlement: 'settlement', district: 'district', county: 'county' };

/** The attribute names, as columns of the tile source. */
function attributeColumns(unitKind: UnitKind, z: number): RawBuilder<unknown> {
  return sql.join(attributesOf(unitKind, z).map(([, name]) => sql.ref(`source.${name}`)));
}

/**
 * The boundaries that touch a tile, generalised for its zoom. Both paths start
 * from this same selection, so their tiles hold the same features. The layer and
 * level are literals so the planner picks that level's partial GiST index
 * (migration 009); the copies in the tile are found first and joined to their
 * unit by primary key (code cast to the key's char type, or the join cannot use it).
 */
function tileSource(unitKind: UnitKind, { z, x, y }: TileAddress): RawBuilder<unknown> {
  const columns = sql.join(attributesOf(unitKind, z).map(([expression, name]) => sql`${sql.ref(expression)} AS ${sql.id(name)}`));
  return sql`
    WITH inside AS MATERIALIZED (
      SELECT g.code, g.geom FROM boundary_generalised AS g
      WHERE g.unit_kind = ${sql.lit(unitKind)} AND g.min_zoom = ${sql.lit(generalisationBucket(z))}
        AND g.geom && ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}), 4326)
    )
    SELECT u.code::int AS id, ${columns}, inside.geom
    FROM inside JOIN ${sql.table(TABLES[unitKind])} AS u ON u.code = inside.code::bpchar`;
}

/**
 * Server path: PostGIS encodes the tile (ST_AsMVT needs PostGIS built with protobuf-c).
 * `features` is materialised so ST_AsMVTGeom runs once per feature (inlined, it also ran in
 * the filter), and the features go in by id: with JIT off and no parallel aggregate
 * (`deterministicTileSettings`) the same tile has the same bytes every time.
 */
export async function boundaryTileFromServer(db: Kysely<Database>, unitKind: UnitKind, layerName: string, tile: TileAddress): Promise<Uint8Array> {
  return db.transaction().execute(async (trx) => {
    await deterministicTileSettings(trx);
    const { rows } = await sql<{ mvt: Uint8Array | null }>`
      WITH source AS (${tileSource(unitKind, tile)}),
      features AS MATERIALIZED (
        SELECT source.id, ${attributeColumns(unitKind, tile.z)},
          ST_AsMVTGeom(ST_Transform(source.geom, 3857), ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}), ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
        FROM source
      )
      SELECT ST_AsMVT(features, ${layerName}, ${TILE_EXTENT}, 'geom', 'id') AS mvt
      FROM (SELECT * FROM features WHERE geom IS NOT NULL ORDER BY id) AS features`.execute(trx);
    return rows[0]?.mvt ? new Uint8Array(rows[0].mvt) : new Uint8Array(0);
  });
}

/**
 * For this transaction: no JIT (about 50 ms of compiling at z5, for nothing) and no parallel
 * plan (a parallel ST_AsMVT merges partial tiles in arrival order, so its bytes vary).
 */
async function deterministicTileSettings(trx: Transaction<Database>): Promise<void> {
  await sql`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
}

/** A boundary of one generalisation level in longitude/latitude: polygons, each its outer ring then its holes. */
export interface BoundaryLevelFeature {
  id: number;
  /** Every tile attribute of the layer (`tileAttributeNames` says which a zoom carries). */
  properties: Record<string, string | number | null>;
  polygons: [number, number][][][];
}

/** The attribute names a layer's tile features carry at a zoom, the same on both paths. */
export function tileAttributeNames(unitKind: UnitKind, z: number): string[] {
  return attributesOf(unitKind, z).map(([, name]) => name);
}

/** Boundaries read per query when a level is read whole: PGlite answers a query in one piece on the app's thread. */
const LEVEL_PAGE = 100;

/**
 * App path (the embedded engine: PGlite's PostGIS has no ST_AsMVT/ST_AsMVTGeom): every boundary of
 * one layer at the generalisation level of a zoom, with all the layer's attributes, in id order, read
 * once per data version so the app cuts tiles from memory instead of asking the database per tile.
 * The rows come from the same table, level and units as `tileSource`'s. Read in pages by code (the
 * primary key's order), so other requests are answered between them: settlements at full detail are
 * 9 MB of GeoJSON, about 3 s in one PGlite query under load.
 */
export async function boundaryLevelFeatures(db: Kysely<Database>, unitKind: UnitKind, z: number): Promise<BoundaryLevelFeature[]> {
  const columns = sql.join(ATTRIBUTES[unitKind].map(([expression, name]) => sql`${sql.ref(expression)} AS ${sql.id(name)}`));
  const features: BoundaryLevelFeature[] = [];
  for (let after = ''; ;) {
    const { rows } = await sql<Record<string, string | number | null> & { id: number; geojson: string; after: string }>`
      SELECT u.code::int AS id, ${columns}, ST_AsGeoJSON(g.geom) AS geojson, g.code AS after
      FROM boundary_generalised AS g JOIN ${sql.table(TABLES[unitKind])} AS u ON u.code = g.code::bpchar
      WHERE g.unit_kind = ${sql.lit(unitKind)} AND g.min_zoom = ${sql.lit(generalisationBucket(z))} AND g.code > ${after}
      ORDER BY g.code LIMIT ${LEVEL_PAGE}`.execute(db);
    for (const { id, geojson, after: _code, ...properties } of rows) {
      // The column is geometry(MultiPolygon): the GeoJSON is always a MultiPolygon.
      features.push({ id, properties, polygons: (JSON.parse(geojson) as { coordinates: [number, number][][][] }).coordinates });
    }
    if (rows.length < LEVEL_PAGE) break;
    after = rows.at(-1)!.after;
  }
  return features.sort((a, b) => a.id - b.id);
}
