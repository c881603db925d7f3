import { sql, type Kysely } from 'kysely';
import type { DemandMeasure, WarehouseSite } from '../contract/catchments.ts';
import type { Database } from '../schema.ts';

export async function listWarehouseSites(db: Kysely<Database>): Promise<WarehouseSite[]> {
  const { rows } = await sql<{ id: number; name: string; lon: number; lat: number; capacity: number | null; county_code: string }>`
    SELECT id, name, ST_X(geom) AS lon, ST_Y(geom) AS lat, capacity, county_code FROM warehouse ORDER BY id`.execute(db);
  return rows.map((row) => ({ id: row.id, name: row.name, lon: row.lon, lat: row.lat, capacity: row.capacity, countyCode: row.county_code }));
}

export interface CatchmentInputs {
  codes: string[];
  names: string[];
  population: Float64Array;
  demand: Float64Array;
  households: (number | null)[];
  /** distance[s * sites + w] in km: EOV straight line times the detour factor. */
  distance: Float64Array;
}

/** Every settlement's demand and its estimated distance to each site (sites may be what-if points). */
export async function catchmentInputs(
  db: Kysely<Database>,
  sites: readonly Pick<WarehouseSite, 'lon' | 'lat'>[],
  options: { demand: DemandMeasure; detourFactor: number },
): Promise<CatchmentInputs> {
  const points = sites.map((site, index) => ({ index, lon: site.lon, lat: site.lat }));
  const { rows } = await sql<{ code: string; name: string; population: number; households: number | null; persons: number | null; km: number[] }>`
    WITH sites AS MATERIALIZED (
      SELECT item.index, ST_Transform(ST_SetSRID(ST_MakePoint(item.lon, item.lat), 4326), 23700) AS g
      FROM json_to_recordset(${JSON.stringify(points)}::json) AS item(index integer, lon float8, lat float8)
    ),
    places AS MATERIALIZED (SELECT code, name, population_2024, ST_Transform(label_point, 23700) AS g FROM settlement)
    SELECT p.code, p.name, p.population_2024 AS population, signals.households, signals.persons,
      array_agg(ST_Distance(p.g, sites.g) / 1000 * ${options.detourFactor}::float8 ORDER BY sites.index) AS km
    FROM places p CROSS JOIN sites
    LEFT JOIN (SELECT settlement_code, sum(households)::int AS households, sum(persons)::int AS persons FROM need_signal WHERE withdrawn_at IS NULL GROUP BY settlement_code) signals
      ON signals.settlement_code = p.code
    GROUP BY p.code, p.name, p.population_2024, signals.households, signals.persons
    ORDER BY p.code`.execute(db);
  const count = sites.length;
  const distance = new Float64Array(rows.length * count);
  rows.forEach((row, s) => row.km.forEach((km, w) => (distance[s * count + w] = km)));
  const pick = (row: (typeof rows)[number]) =>
    options.demand === 'population' ? row.population : options.demand === 'households' ? (row.households ?? 0) : (row.persons ?? 0);
  return {
    codes: rows.map((row) => row.code),
    names: rows.map((row) => row.name),
    population: Float64Array.from(rows, (row) => row.population),
    demand: Float64Array.from(rows, pick),
    households: rows.map((row) => row.households),
    distance,
  };
}

/**
 * Catchment polygons: the union of each site's member settlements (generalised boundaries), as GeoJSON.
 * The union runs on a 0.0001° (~10 m) grid, finer than the generalisation itself: the unbounded-precision
 * union of these simplified, not quite matching neighbours fails in GEOS, and PGlite then returns no rows.
 * Independently simplified neighbours also leave slivers between them (gaps up to the 0.002° tolerance):
 * growing the union by SLIVER_CLOSE and shrinking it back closes them without moving the outline.
 */
const SLIVER_CLOSE = 0.003;

export async function catchmentPolygons(db: Kysely<Database>, members: readonly { code: string; site: number }[]): Promise<Map<number, string>> {
  const { rows } = await sql<{ site: number; geojson: string }>`
    SELECT m.site, ST_AsGeoJSON(ST_Buffer(ST_Buffer(ST_Union(g.geom, 0.0001), ${SLIVER_CLOSE}::float8, 'quad_segs=2'), ${-SLIVER_CLOSE}::float8, 'quad_segs=2'), 5) AS geojson
    FROM json_to_recordset(${JSON.stringify(members)}::json) AS m(code text, site integer)
    JOIN boundary_generalised g ON g.unit_kind = 'settlement' AND g.min_zoom = 0 AND g.code = m.code
    GROUP BY m.site ORDER BY m.site`.execute(db);
  return new Map(rows.map((row) => [row.site, row.geojson]));
}
