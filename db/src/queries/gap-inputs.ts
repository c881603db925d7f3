import { sql, type Kysely } from 'kysely';
import type { LocalisedText } from '../contract/common.ts';
import type { AreaLevel } from '../contract/programmes.ts';
import { NEED_SIGNAL_COMPONENT } from '../contract/need-index.ts';
import type { Database } from '../schema.ts';

/** A settlement or district with its need value and how near programmes and helpers are: the gap ranking's input. */
export interface GapPlace {
  code: string;
  name: string;
  countyCode: string;
  population: number;
  need: number | null;
  point: [number, number];
  programmePresent: boolean;
  nearestProgrammeKm: number | null;
  nearestProgramme: { id: number; name: string } | null;
  helperPresent: boolean;
  nearestHelperKm: number | null;
}

export interface GapNeed {
  key: string;
  title: LocalisedText;
  year: number | null;
  /** 1: a higher value means more need; -1: a lower one does; 0: the indicator says neither (read as 1). */
  direction: -1 | 0 | 1;
}

/** What a need key names: a numeric indicator (a saved need index among them) or the need signals; undefined when neither. */
export async function gapNeed(db: Kysely<Database>, key: string, level: AreaLevel): Promise<GapNeed | undefined> {
  if (key === NEED_SIGNAL_COMPONENT) {
    return { key, title: { hu: 'Szükségletjelzések 1000 lakosra', en: 'Need signals per 1,000 residents' }, year: null, direction: 1 };
  }
  const { rows } = await sql<{ title_hu: string; title_en: string; need_direction: -1 | 0 | 1; year: number | null }>`
    SELECT i.title_hu, i.title_en, i.need_direction,
      (SELECT max(v.year) FROM indicator_value v WHERE v.indicator_key = i.key AND v.unit_kind IN ('settlement', ${level})) AS year
    FROM indicator i WHERE i.key = ${key} AND i.kind = 'numeric'`.execute(db);
  const row = rows[0];
  if (!row || row.year === null) return undefined;
  return { key, title: { hu: row.title_hu, en: row.title_en }, year: row.year, direction: row.need_direction };
}

/**
 * Every settlement or district with its need value (the indicator's latest year; for districts the
 * district's own value, else the population-weighted mean of its settlements), whether a programme's
 * action area or a helper's area covers it, and else the distance in km from its label point to the
 * nearest one. "Covers" means the interiors overlap (a neighbour sharing a border is not covered): the
 * settlements each action-area part covers are fixed when it is added.
 */
export async function loadGapPlaces(db: Kysely<Database>, level: AreaLevel, need: GapNeed): Promise<GapPlace[]> {
  const settlementNeed = need.key === NEED_SIGNAL_COMPONENT
    ? sql`SELECT s.code AS unit_code, CASE WHEN s.population_2024 > 0 THEN 1000.0 * (SELECT count(*) FROM need_signal n WHERE n.settlement_code = s.code AND n.withdrawn_at IS NULL) / s.population_2024 END AS value
          FROM settlement s`
    : sql`SELECT v.unit_code, v.value FROM indicator_value v WHERE v.unit_kind = 'settlement' AND v.indicator_key = ${need.key} AND v.year = ${need.year}`;
  const districtNeed = need.key === NEED_SIGNAL_COMPONENT
    ? sql`SELECT s.district_code AS unit_code, 1000.0 * (SELECT count(*) FROM need_signal n JOIN settlement t ON t.code = n.settlement_code WHERE t.district_code = s.district_code AND n.withdrawn_at IS NULL) / nullif(sum(s.population_2024), 0) AS value
          FROM settlement s GROUP BY s.district_code`
    : sql`SELECT d.code AS unit_code, coalesce(
            (SELECT v.value FROM indicator_value v WHERE v.unit_kind = 'district' AND v.unit_code = d.code AND v.indicator_key = ${need.key} AND v.year = ${need.year}),
            (SELECT sum(v.value * s.population_2024) / nullif(sum(s.population_2024), 0) FROM indicator_value v JOIN settlement s ON s.code = v.unit_code
              WHERE v.unit_kind = 'settlement' AND v.indicator_key = ${need.key} AND v.year = ${need.year} AND s.district_code = d.code)) AS value
          FROM district d`;
  const places = level === 'settlement'
    ? sql`SELECT s.code::text AS code, s.name, s.county_code::text AS county_code, s.population_2024 AS population, s.label_point FROM settlement s`
    : sql`SELECT d.code::text AS code, d.name, d.county_code::text AS county_code,
            (SELECT sum(s.population_2024)::int FROM settlement s WHERE s.district_code = d.code) AS population, d.label_point FROM district d`;
  // The settlements programmes cover (fixed on each action-area part) and those helpers reach: the ones they
  // name and every settlement of the districts they name.
  const covered = level === 'settlement' ? sql`p.code = ANY (c.codes)` : sql`EXISTS (SELECT 1 FROM settlement t WHERE t.district_code = p.code AND t.code = ANY (c.codes))`;
  const reached = level === 'settlement' ? sql`p.code = ANY (r.codes)` : sql`EXISTS (SELECT 1 FROM settlement t WHERE t.district_code = p.code AND t.code = ANY (r.codes))`;

  // Distances are planar in EOV (metres) over outlines simplified to 50 m, from the place's label point:
  // a few of the nearest boxes first (cheap), then the true distance to those.
  const { rows } = await sql<{
    code: string; name: string; county_code: string; population: number | null; value: number | null; lon: number; lat: number;
    programme_present: boolean; programme_km: number | null; programme_id: number | null; programme_name: string | null;
    helper_present: boolean; helper_km: number | null;
  }>`
    WITH need AS (${level === 'settlement' ? settlementNeed : districtNeed}),
    programme_areas AS MATERIALIZED (
      SELECT g.id AS programme_id, g.name AS programme_name, ST_Simplify(ST_Transform(a.geom, 23700), 50) AS geom
      FROM project_area a JOIN project j ON j.id = a.project_id JOIN programme g ON g.id = j.programme_id
    ),
    helper_areas AS MATERIALIZED (
      SELECT ST_Simplify(ST_Transform(s.geom, 23700), 50) AS geom FROM settlement s
        WHERE s.code IN (SELECT settlement_code FROM network_member_area WHERE settlement_code IS NOT NULL)
      UNION ALL
      SELECT ST_Simplify(ST_Transform(d.geom, 23700), 50) FROM district d
        WHERE d.code IN (SELECT district_code FROM network_member_area WHERE district_code IS NOT NULL)
    ),
    c AS (SELECT coalesce(array_agg(DISTINCT code), '{}') AS codes FROM project_area CROSS JOIN unnest(settlement_codes) AS code),
    r AS (
      SELECT coalesce(array_agg(DISTINCT s.code::text), '{}') AS codes FROM network_member_area h
        JOIN settlement s ON s.code = h.settlement_code OR s.district_code = h.district_code
    )
    SELECT p.code, p.name, p.county_code, p.population, need.value::float8 AS value, ST_X(p.label_point) AS lon, ST_Y(p.label_point) AS lat,
      ${covered} AS programme_present, np.km AS programme_km, np.programme_id, np.programme_name,
      ${reached} AS helper_present,
      (SELECT min(ST_Distance(t.geom, p.eov)) / 1000 FROM (SELECT h.geom FROM helper_areas h ORDER BY h.geom <#> p.eov LIMIT 5) AS t)::float8 AS helper_km
    FROM (SELECT q.*, ST_Transform(q.label_point, 23700) AS eov FROM (${places}) AS q) AS p
      CROSS JOIN c CROSS JOIN r
      LEFT JOIN need ON need.unit_code = p.code
      LEFT JOIN LATERAL (
        SELECT (ST_Distance(t.geom, p.eov) / 1000)::float8 AS km, t.programme_id, t.programme_name
        FROM (SELECT a.geom, a.programme_id, a.programme_name FROM programme_areas a ORDER BY a.geom <#> p.eov LIMIT 5) AS t
        ORDER BY ST_Distance(t.geom, p.eov), t.programme_id LIMIT 1
      ) AS np ON true
    ORDER BY p.code`.execute(db);
  return rows.map((row) => ({
    code: row.code, name: row.name, countyCode: row.county_code, population: row.population ?? 0,
    need: row.value === null ? null : Number(row.value), point: [row.lon, row.lat],
    programmePresent: row.programme_present,
    nearestProgrammeKm: row.programme_present ? 0 : row.programme_km === null ? null : round(row.programme_km),
    nearestProgramme: row.programme_id === null ? null : { id: row.programme_id, name: row.programme_name! },
    helperPresent: row.helper_present,
    nearestHelperKm: row.helper_present ? 0 : row.helper_km === null ? null : round(row.helper_km),
  }));
}

const round = (km: number) => Math.round(km * 100) / 100;
