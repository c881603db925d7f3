import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AreaOrganisationData, AreaProfile, AreaSettlement } from '../contract/profiles.ts';
import type { Database } from '../schema.ts';
import { isSmallCount, suppressSmallCount } from './coverage.ts';
import { unitIndicators } from './unit-indicators.ts';

type Level = AreaProfile['level'];

/** The unit's own row: a district with its county, or a county with its district count. */
interface HeadRow {
  name: string; seat: string | null; county_code: string | null; county_name: string | null; district_count: number | null;
  min_lon: number; min_lat: number; max_lon: number; max_lat: number;
}

/** The settlements of an area: the one filter every part of the profile shares. */
const inArea = (level: Level, code: string): RawBuilder<unknown> =>
  level === 'district' ? sql`s.district_code = ${code}` : sql`s.county_code = ${code}`;

/**
 * The profile of a district or county: its figures, indicator values, settlements and the
 * organisation's own data inside it. Null when no such unit exists.
 */
export async function areaProfile(db: Kysely<Database>, level: Level, code: string): Promise<AreaProfile | null> {
  const head = level === 'district'
    ? await sql<HeadRow>`
        SELECT d.name, d.seat_name AS seat, c.code AS county_code, c.name AS county_name, NULL::int AS district_count,
          ST_XMin(d.geom) AS min_lon, ST_YMin(d.geom) AS min_lat, ST_XMax(d.geom) AS max_lon, ST_YMax(d.geom) AS max_lat
        FROM district d JOIN county c ON c.code = d.county_code WHERE d.code = ${code}`.execute(db)
    : await sql<HeadRow>`
        SELECT c.name, NULL::text AS seat, NULL::text AS county_code, NULL::text AS county_name,
          (SELECT count(*)::int FROM district d WHERE d.county_code = c.code) AS district_count,
          ST_XMin(c.geom) AS min_lon, ST_YMin(c.geom) AS min_lat, ST_XMax(c.geom) AS max_lon, ST_YMax(c.geom) AS max_lat
        FROM county c WHERE c.code = ${code}`.execute(db);
  const row = head.rows[0];
  if (!row) return null;

  const settlements = await sql<{ code: string; name: string; legal_status: string; population_2024: number; area_ha: number }>`
    SELECT s.code, s.name, s.legal_status, s.population_2024, s.area_ha
    FROM settlement s WHERE ${inArea(level, code)}
    ORDER BY s.population_2024 DESC, s.name`.execute(db);

  const list: AreaSettlement[] = settlements.rows.map((settlement) => ({
    code: settlement.code,
    name: settlement.name,
    legalStatus: settlement.legal_status,
    population2024: settlement.population_2024,
  }));

  return {
    level,
    code,
    name: row.name,
    seat: row.seat,
    county: row.county_code && row.county_name ? { code: row.county_code, name: row.county_name } : null,
    population2024: settlements.rows.reduce((sum, settlement) => sum + settlement.population_2024, 0),
    areaHa: settlements.rows.reduce((sum, settlement) => sum + settlement.area_ha, 0),
    settlementCount: list.length,
    districtCount: row.district_count,
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
    indicators: (await unitIndicators(db, level, code)).map(({ fromDistrict: _, ...indicator }) => indicator),
    settlements: list,
    organisation: await organisationInArea(db, inArea(level, code)),
  };
}

/** The organisation's rows in the settlements `filter` selects (`s` is the settlement), small counts suppressed. */
async function organisationInArea(db: Kysely<Database>, filter: RawBuilder<unknown>): Promise<AreaOrganisationData> {
  const institutions = await sql<{ id: number; name: string; type: string; name_hu: string; name_en: string; settlement_code: string; settlement_name: string; capacity: number | null }>`
    SELECT i.id, i.name, i.type_key AS type, t.name_hu, t.name_en, s.code AS settlement_code, s.name AS settlement_name, i.capacity
    FROM institution i JOIN institution_type t ON t.key = i.type_key JOIN settlement s ON s.code = i.settlement_code
    WHERE ${filter} ORDER BY t.sort_order, s.name, i.name, i.id`.execute(db);
  const warehouses = await sql<{ id: number; name: string; settlement_code: string; settlement_name: string; capacity: number | null }>`
    SELECT w.id, w.name, s.code AS settlement_code, s.name AS settlement_name, w.capacity
    FROM warehouse w JOIN settlement s ON s.code = w.settlement_code
    WHERE ${filter} ORDER BY s.name, w.name, w.id`.execute(db);
  const areas = await sql<{ id: number; name: string; settlement_code: string; settlement_name: string; population: number | null }>`
    SELECT a.id, a.name, s.code AS settlement_code, s.name AS settlement_name, a.population
    FROM segregated_area a JOIN settlement s ON s.code = a.settlement_code
    WHERE ${filter} ORDER BY s.name, a.name, a.id`.execute(db);
  const signals = await sql<{ settlements: number; households: number | null; persons: number | null }>`
    SELECT count(DISTINCT n.settlement_code)::int AS settlements, sum(n.households)::int AS households, sum(n.persons)::int AS persons
    FROM need_signal n JOIN settlement s ON s.code = n.settlement_code
    WHERE ${filter} AND n.withdrawn_at IS NULL`.execute(db);
  const totals = signals.rows[0] ?? { settlements: 0, households: null, persons: null };

  return {
    institutions: institutions.rows.map((row) => ({
      id: row.id,
      name: row.name,
      type: row.type,
      typeName: { hu: row.name_hu, en: row.name_en },
      settlementCode: row.settlement_code,
      settlementName: row.settlement_name,
      capacity: row.capacity,
    })),
    warehouses: warehouses.rows.map((row) => ({
      id: row.id,
      name: row.name,
      settlementCode: row.settlement_code,
      settlementName: row.settlement_name,
      capacity: row.capacity,
    })),
    needSignals: {
      settlements: totals.settlements,
      households: suppressSmallCount(totals.households),
      householdsBelowThreshold: isSmallCount(totals.households),
      persons: suppressSmallCount(totals.persons),
      personsBelowThreshold: isSmallCount(totals.persons),
    },
    segregatedAreas: areas.rows.map((row) => ({
      id: row.id,
      name: row.name,
      settlementCode: row.settlement_code,
      settlementName: row.settlement_name,
      population: suppressSmallCount(row.population),
      populationBelowThreshold: isSmallCount(row.population),
    })),
  };
}
