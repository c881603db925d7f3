import { sql, type Kysely } from 'kysely';
import type { Database, UnitKind } from '../schema.ts';
import { GENERALISATION_LEVELS } from './base-load.ts';

export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Hungary with a margin: the default extent of every layer. */
export const HUNGARY_BBOX: BBox = [15.5, 45.5, 23.5, 48.8];

/** The generalisation bucket for a zoom: the most detailed one whose min_zoom is at most the zoom. */
export function generalisationBucket(zoom: number): number {
  let bucket = 0;
  for (const level of GENERALISATION_LEVELS) if (level.minZoom <= zoom) bucket = level.minZoom;
  return bucket;
}

/** Coordinate decimals worth sending at a zoom (5 decimals is about 1 m). */
function decimalsFor(zoom: number): number {
  return zoom < 8 ? 4 : zoom < 12 ? 5 : 6;
}

/**
 * A GeoJSON FeatureCollection of one unit level, generalised for the zoom and
 * cut to the bbox, built in SQL and returned as text so that megabytes of
 * geometry are never parsed and re-serialised in the app.
 */
export async function unitBoundariesGeoJson(db: Kysely<Database>, unitKind: UnitKind, zoom: number, bbox: BBox): Promise<string> {
  const bucket = generalisationBucket(zoom);
  const table = unitKind === 'settlement' ? 'settlement' : unitKind === 'district' ? 'district' : 'county';
  const properties =
    unitKind === 'settlement'
      ? sql`json_build_object('code', u.code, 'name', u.name, 'countyCode', u.county_code, 'districtCode', u.district_code, 'population', u.population_2024)`
      : unitKind === 'district'
        ? sql`json_build_object('code', u.code, 'name', u.name, 'countyCode', u.county_code)`
        : sql`json_build_object('code', u.code, 'name', u.name)`;
  const { rows } = await sql<{ collection: string }>`
    SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
      'type', 'Feature', 'id', u.code, 'properties', ${properties},
      'geometry', ST_AsGeoJSON(g.geom, ${decimalsFor(zoom)})::json) ORDER BY u.code), '[]'::json))::text AS collection
    FROM boundary_generalised AS g
    JOIN ${sql.table(table)} AS u ON u.code = g.code
    WHERE g.unit_kind = ${unitKind} AND g.min_zoom = ${bucket}
      AND g.geom && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`.execute(db);
  return rows[0]!.collection;
}
