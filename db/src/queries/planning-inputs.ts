import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A settlement as a location model sees it: where it is and how many live there. */
export interface PlanningSettlement {
  code: string;
  name: string;
  /** Label point (inside the boundary), WGS 84 degrees. */
  lon: number;
  lat: number;
  population2024: number;
}

/** Which settlements: one county's, or those of a list of codes; every settlement when neither is given. */
export interface SettlementFilter {
  countyCode?: string | null | undefined;
  codes?: readonly string[] | undefined;
}

function settlementWhere(filter: SettlementFilter) {
  const conditions = [];
  if (filter.countyCode) conditions.push(sql`county_code = ${filter.countyCode}`);
  if (filter.codes) conditions.push(filter.codes.length > 0 ? sql`code IN (${sql.join(filter.codes)})` : sql`false`);
  return conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/** Settlements' label points and 2024 population, by code: demand points and candidate sites for siting models. */
export async function planningSettlements(db: Kysely<Database>, filter: SettlementFilter = {}): Promise<PlanningSettlement[]> {
  const { rows } = await sql<{ code: string; name: string; lon: number; lat: number; population_2024: number }>`
    SELECT code, name, ST_X(label_point)::float8 AS lon, ST_Y(label_point)::float8 AS lat, population_2024::int AS population_2024
    FROM settlement ${settlementWhere(filter)}
    ORDER BY code`.execute(db);
  return rows.map((row) => ({ code: row.code, name: row.name, lon: row.lon, lat: row.lat, population2024: row.population_2024 }));
}

/** A demand point with everything a demand weight can be made of. */
export interface PlanningDemandPoint extends PlanningSettlement {
  /** The chosen need index's latest value (0–100); null when none was asked for or the settlement has none. */
  need: number | null;
  /** Need-signal sums (exact: they stay on the server; the API suppresses small ones before answering). */
  households: number | null;
  persons: number | null;
}

/** The settlements of a planning area with their population, need-signal sums and, optionally, a need index. */
export async function planningDemand(
  db: Kysely<Database>,
  options: { countyCode?: string | null | undefined; needIndicator?: string | undefined },
): Promise<PlanningDemandPoint[]> {
  const need = options.needIndicator
    ? sql`(SELECT v.value FROM indicator_value v WHERE v.unit_kind = 'settlement' AND v.unit_code = s.code
        AND v.indicator_key = ${options.needIndicator} ORDER BY v.year DESC LIMIT 1)`
    : sql`NULL::float8`;
  const area = options.countyCode ? sql`WHERE s.county_code = ${options.countyCode}` : sql``;
  const { rows } = await sql<{
    code: string; name: string; lon: number; lat: number; population_2024: number; need: number | null; households: number | null; persons: number | null;
  }>`
    SELECT s.code, s.name, ST_X(s.label_point)::float8 AS lon, ST_Y(s.label_point)::float8 AS lat, s.population_2024::int AS population_2024,
      ${need} AS need, signals.households, signals.persons
    FROM settlement s
    LEFT JOIN (SELECT settlement_code, sum(households)::int AS households, sum(persons)::int AS persons FROM need_signal WHERE withdrawn_at IS NULL GROUP BY settlement_code) signals
      ON signals.settlement_code = s.code
    ${area}
    ORDER BY s.code`.execute(db);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    lon: row.lon,
    lat: row.lat,
    population2024: row.population_2024,
    need: row.need,
    households: row.households,
    persons: row.persons,
  }));
}

/** An existing institution: a site every plan keeps open. */
export interface PlanningInstitution {
  id: number;
  name: string;
  settlementCode: string;
  settlementName: string;
  lon: number;
  lat: number;
  capacity: number | null;
}

/** The institutions of one service type, optionally only those standing in a county. */
export async function planningInstitutions(
  db: Kysely<Database>,
  options: { typeKey: string; countyCode?: string | null | undefined },
): Promise<PlanningInstitution[]> {
  const area = options.countyCode ? sql`AND s.county_code = ${options.countyCode}` : sql``;
  const { rows } = await sql<{ id: number; name: string; settlement_code: string; settlement_name: string; lon: number; lat: number; capacity: number | null }>`
    SELECT i.id, i.name, i.settlement_code, s.name AS settlement_name, ST_X(i.geom)::float8 AS lon, ST_Y(i.geom)::float8 AS lat, i.capacity
    FROM institution i JOIN settlement s ON s.code = i.settlement_code
    WHERE i.type_key = ${options.typeKey} ${area}
    ORDER BY i.id`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    settlementCode: row.settlement_code,
    settlementName: row.settlement_name,
    lon: row.lon,
    lat: row.lat,
    capacity: row.capacity,
  }));
}

export async function institutionTypeExists(db: Kysely<Database>, key: string): Promise<boolean> {
  const found = await db.selectFrom('institution_type').select('key').where('key', '=', key).executeTakeFirst();
  return found !== undefined;
}

export async function countyExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const found = await db.selectFrom('county').select('code').where('code', '=', code).executeTakeFirst();
  return found !== undefined;
}
