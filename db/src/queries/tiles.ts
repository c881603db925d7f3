import { sql, type Kysely, type RawBuilder } from 'kysely';
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

const TABLES: Record<UnitKind, string> = { settlement: 'settlement', district: 'district', county: 'county' };

/** The attribute names, as columns of the tile source. */
function attributeColumns(unitKind: UnitKind): RawBuilder<unknown> {
  return sql.join(ATTRIBUTES[unitKind].map(([, name]) => sql.ref(`source.${name}`)));
}

/**
 * The boundaries that touch a tile, generalised for its zoom. Both paths start
 * from this same selection, so their tiles hold the same features.
 */
function tileSource(unitKind: UnitKind, { z, x, y }: TileAddress): RawBuilder<unknown> {
  const columns = sql.join(ATTRIBUTES[unitKind].map(([expression, name]) => sql`${sql.ref(expression)} AS ${sql.id(name)}`));
  return sql`
    SELECT u.code::int AS id, ${columns}, g.geom
    FROM boundary_generalised AS g
    JOIN ${sql.table(TABLES[unitKind])} AS u ON u.code = g.code
    WHERE g.unit_kind = ${unitKind} AND g.min_zoom = ${generalisationBucket(z)}
      AND g.geom && ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}), 4326)`;
}

/** Server path: PostGIS encodes the tile (ST_AsMVT needs PostGIS built with protobuf-c). */
export async function boundaryTileFromServer(db: Kysely<Database>, unitKind: UnitKind, layerName: string, tile: TileAddress): Promise<Uint8Array> {
  const { rows } = await sql<{ mvt: Uint8Array | null }>`
    WITH source AS (${tileSource(unitKind, tile)}),
    features AS (
      SELECT source.id, ${attributeColumns(unitKind)},
        ST_AsMVTGeom(ST_Transform(source.geom, 3857), ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}), ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
      FROM source
    )
    SELECT ST_AsMVT(features, ${layerName}, ${TILE_EXTENT}, 'geom', 'id') AS mvt FROM features WHERE geom IS NOT NULL`.execute(db);
  return rows[0]?.mvt ? new Uint8Array(rows[0].mvt) : new Uint8Array(0);
}

/**
 * Embedded path: PGlite's PostGIS has no ST_AsMVT/ST_AsMVTGeom, so PostGIS does
 * what ST_AsMVTGeom does (project, scale to the tile grid, snap, clip to the
 * buffered tile, repair, orient rings as MVT wants) and the app encodes it.
 */
export async function boundaryTileFeatures(db: Kysely<Database>, unitKind: UnitKind, tile: TileAddress): Promise<TileFeature[]> {
  const { rows } = await sql<Record<string, string | number | null> & { id: number; geojson: string | null }>`
    WITH source AS (${tileSource(unitKind, tile)}),
    box AS (
      SELECT ST_XMin(e) AS xmin, ST_YMax(e) AS ymax, ST_XMax(e) - ST_XMin(e) AS width
      FROM ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}) AS e
    ),
    features AS (
      -- In ST_AsMVTGeom's order: to tile units, snap to the integer grid, drop collinear points, clip with the buffer, repair.
      SELECT source.id, ${attributeColumns(unitKind)},
        ST_CollectionExtract(ST_MakeValid(ST_ClipByBox2D(ST_Simplify(ST_SnapToGrid(ST_Affine(ST_Transform(source.geom, 3857),
          ${TILE_EXTENT}::float8 / box.width, 0, 0, -${TILE_EXTENT}::float8 / box.width,
          -box.xmin * ${TILE_EXTENT}::float8 / box.width, box.ymax * ${TILE_EXTENT}::float8 / box.width), 1), 0),
          ST_MakeEnvelope(${-TILE_BUFFER}::float8, ${-TILE_BUFFER}::float8, ${TILE_EXTENT + TILE_BUFFER}::float8, ${TILE_EXTENT + TILE_BUFFER}::float8)), 'method=structure keepcollapsed=false'), 3) AS geom
      FROM source CROSS JOIN box
    )
    -- MVT wants exterior rings clockwise on screen (y down), i.e. counter-clockwise in these y-up numbers.
    SELECT source.id, ${attributeColumns(unitKind)}, ST_AsGeoJSON(ST_ForcePolygonCCW(source.geom)) AS geojson
    FROM features AS source WHERE NOT ST_IsEmpty(source.geom) ORDER BY source.id`.execute(db);
  return rows.flatMap(({ id, geojson, ...properties }) => {
    if (!geojson) return [];
    const geometry = JSON.parse(geojson) as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as [number, number][][][];
    return [{ id, properties, rings: polygons.flat() }];
  });
}
