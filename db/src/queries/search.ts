import { sql, type Kysely } from 'kysely';
import type { Database, UnitKind } from '../schema.ts';
import { foldName } from '../text/fold-name.ts';
import type { BBox } from './layers.ts';

export interface SearchResult {
  kind: UnitKind;
  code: string;
  name: string;
  /** Where the place is: the county of a settlement or district. */
  context: string;
  point: [number, number];
  bbox: BBox;
}

/**
 * Settlements, districts and counties whose name contains the query, accent- and
 * case-insensitively. Whole-name matches first, then prefixes, then word
 * prefixes, then any substring; larger places first within each rank.
 */
export async function searchPlaces(db: Kysely<Database>, query: string, limit: number): Promise<SearchResult[]> {
  const folded = foldName(query);
  if (folded === '') return [];
  const pattern = `%${folded.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const { rows } = await sql<{
    kind: UnitKind; code: string; name: string; context: string; name_folded: string; weight: number;
    lon: number; lat: number; min_lon: number; min_lat: number; max_lon: number; max_lat: number;
  }>`
    WITH candidates AS (
      SELECT 'settlement' AS kind, s.code, s.name, c.name AS context, s.name_folded,
        s.population_2024::float8 AS weight, s.label_point, s.geom, 2 AS kind_order
      FROM settlement s JOIN county c ON c.code = s.county_code WHERE s.name_folded LIKE ${pattern}
      UNION ALL
      SELECT 'district', d.code, d.name, c.name, d.name_folded,
        (SELECT sum(population_2024) FROM settlement WHERE district_code = d.code)::float8, d.label_point, d.geom, 1
      FROM district d JOIN county c ON c.code = d.county_code WHERE d.name_folded LIKE ${pattern}
      UNION ALL
      SELECT 'county', c.code, c.name, '', c.name_folded,
        (SELECT sum(population_2024) FROM settlement WHERE county_code = c.code)::float8, c.label_point, c.geom, 0
      FROM county c WHERE c.name_folded LIKE ${pattern}
    )
    SELECT kind, code, name, context, name_folded, weight,
      ST_X(label_point) AS lon, ST_Y(label_point) AS lat,
      ST_XMin(geom) AS min_lon, ST_YMin(geom) AS min_lat, ST_XMax(geom) AS max_lon, ST_YMax(geom) AS max_lat
    FROM candidates
    ORDER BY
      CASE WHEN name_folded = ${folded} THEN 0
        WHEN name_folded LIKE ${`${folded}%`} THEN 1
        WHEN name_folded LIKE ${`% ${folded}%`} THEN 2
        ELSE 3 END,
      kind_order, weight DESC, name
    LIMIT ${limit}`.execute(db);
  return rows.map((row) => ({
    kind: row.kind,
    code: row.code,
    name: row.name,
    context: row.context,
    point: [row.lon, row.lat],
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
  }));
}
