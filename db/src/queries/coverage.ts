import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { roundToMetres, withinReach, type DistanceMethod } from '../contract/coverage.ts';
import { SMALL_COUNT_THRESHOLD } from '../contract/common.ts';


export interface SettlementReach {
  code: string;
  name: string;
  population: number;
  /** Estimated or network distance to the nearest service of the type, km; null when there is none. */
  distanceKm: number | null;
  covered: boolean;
  outskirtsPopulation2011: number;
  /** Outskirts/farmstead residents (2011) within reach: the part's own distance from the centre is added. */
  coveredOutskirtsPopulation2011: number;
  households: number | null;
  persons: number | null;
  /** Value of the need indicator chosen for ranking, when one was chosen. */
  need: number | null;
}

/** Whether any need signal is in force (withdrawn ones are history: they choose no ranking). */
export async function hasNeedSignals(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT EXISTS (SELECT 1 FROM need_signal WHERE withdrawn_at IS NULL) AS present`.execute(db);
  return rows[0]!.present;
}

/**
 * For every settlement: the distance from its label point to the nearest
 * institution of the given types, measured in EOV metres (true distances in
 * Hungary) and scaled by the detour factor, or given as road distances, and
 * whether it is within reach.
 * Farmsteads and outskirts have no coordinates in the KSH data, only their
 * distance from the centre, which is added to the centre's distance.
 */
export async function settlementReach(
  db: Kysely<Database>,
  options: {
    typeKeys: readonly string[];
    reachKm: number;
    detourFactor: number;
    needIndicator?: string | undefined;
    /** Road distances (km) from the nearest service by settlement code, measured on the road network; replaces the estimate. */
    roadDistanceKm?: ReadonlyMap<string, number | null> | undefined;
  },
): Promise<SettlementReach[]> {
  const typeFilter = options.typeKeys.length > 0 ? sql`WHERE type_key IN (${sql.join(options.typeKeys)})` : sql``;
  const needJoin = options.needIndicator
    ? sql`LEFT JOIN LATERAL (SELECT v.value FROM indicator_value v WHERE v.unit_kind = 'settlement' AND v.unit_code = n.code
        AND v.indicator_key = ${options.needIndicator} ORDER BY v.year DESC LIMIT 1) AS need ON true`
    : sql`LEFT JOIN (SELECT NULL::float8 AS value) AS need ON true`;
  const distance = options.roadDistanceKm
    ? sql`road.km`
    : sql`(SELECT ST_Distance(p.g, services.g) FROM services ORDER BY p.g <-> services.g LIMIT 1) / 1000 * ${options.detourFactor}::float8`;
  const roadJoin = options.roadDistanceKm
    ? sql`LEFT JOIN json_to_recordset(${JSON.stringify([...options.roadDistanceKm].map(([code, km]) => ({ code, km })))}::json)
        AS road(code text, km float8) ON road.code = p.code`
    : sql``;
  const { rows } = await sql<{
    code: string; name: string; population: number; distance_km: number | null; outskirts_2011: number;
    covered_outskirts_2011: number; households: number | null; persons: number | null; need: number | null;
  }>`
    WITH services AS MATERIALIZED (SELECT ST_Transform(geom, 23700) AS g FROM institution ${typeFilter}),
    places AS MATERIALIZED (SELECT code, name, population_2024, ST_Transform(label_point, 23700) AS g FROM settlement),
    nearest AS MATERIALIZED (
      SELECT p.code, p.name, p.population_2024,
        ${distance} AS distance_km
      FROM places p ${roadJoin}
    )
    SELECT n.code, n.name, n.population_2024 AS population, n.distance_km,
      coalesce(parts.outskirts_2011, 0)::int AS outskirts_2011, coalesce(parts.covered_2011, 0)::int AS covered_outskirts_2011,
      signals.households, signals.persons, need.value AS need
    FROM nearest n
    LEFT JOIN (
      SELECT sp.settlement_code, sum(sp.population_2011) AS outskirts_2011,
        -- Inclusive reach in whole metres, as withinReach: floor(x + 0.5) is Math.round for these positive values.
        sum(sp.population_2011) FILTER (WHERE floor((near.distance_km + coalesce(sp.distance_km, 0)) * 1000 + 0.5)
          <= floor(${options.reachKm}::float8 * 1000 + 0.5)) AS covered_2011
      FROM settlement_part sp JOIN nearest near ON near.code = sp.settlement_code
      WHERE sp.part_type = 'Külterület' GROUP BY sp.settlement_code
    ) parts ON parts.settlement_code = n.code
    LEFT JOIN (SELECT settlement_code, sum(households)::int AS households, sum(persons)::int AS persons FROM need_signal WHERE withdrawn_at IS NULL GROUP BY settlement_code) signals
      ON signals.settlement_code = n.code
    ${needJoin}
    ORDER BY n.code`.execute(db);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    population: row.population,
    distanceKm: row.distance_km === null ? null : roundToMetres(row.distance_km),
    covered: row.distance_km !== null && withinReach(row.distance_km, options.reachKm),
    outskirtsPopulation2011: row.outskirts_2011,
    coveredOutskirtsPopulation2011: row.covered_outskirts_2011,
    households: row.households,
    persons: row.persons,
    need: row.need,
  }));
}

/** Whether a count is below the small-count threshold (null, no count at all, is not). */
export function isSmallCount(count: number | null): boolean {
  return count !== null && count < SMALL_COUNT_THRESHOLD;
}

/** A count as it may be shown: exact from the threshold up, otherwise null (the client shows "<5"). */
export function suppressSmallCount(count: number | null): number | null {
  return isSmallCount(count) ? null : count;
}
