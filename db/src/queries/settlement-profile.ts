import { sql, type Kysely } from 'kysely';
import type { SettlementProfile } from '../contract/settlements.ts';
import type { Database } from '../schema.ts';
import { unitIndicators } from './unit-indicators.ts';

export async function settlementProfile(db: Kysely<Database>, code: string): Promise<SettlementProfile | null> {
  const { rows } = await sql<{
    code: string; name: string; legal_status: string; county_code: string; county_name: string;
    district_code: string; district_name: string; district_seat: string; population_2024: number; area_ha: number;
    dwellings: number; roma_self_government: boolean; postcodes: string[]; lon: number; lat: number;
    min_lon: number; min_lat: number; max_lon: number; max_lat: number;
  }>`
    SELECT s.code, s.name, s.legal_status, c.code AS county_code, c.name AS county_name,
      d.code AS district_code, d.name AS district_name, d.seat_name AS district_seat,
      s.population_2024, s.area_ha, s.dwellings, s.roma_self_government, s.postcodes,
      ST_X(s.label_point) AS lon, ST_Y(s.label_point) AS lat,
      ST_XMin(s.geom) AS min_lon, ST_YMin(s.geom) AS min_lat, ST_XMax(s.geom) AS max_lon, ST_YMax(s.geom) AS max_lat
    FROM settlement AS s
    JOIN county AS c ON c.code = s.county_code
    JOIN district AS d ON d.code = s.district_code
    WHERE s.code = ${code}`.execute(db);
  const row = rows[0];
  if (!row) return null;

  const parts = await sql<{ total: number; outskirts: number; population_2011: number; outskirts_population_2011: number }>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE part_type = 'Külterület')::int AS outskirts,
      coalesce(sum(population_2011), 0)::int AS population_2011,
      coalesce(sum(population_2011) FILTER (WHERE part_type = 'Külterület'), 0)::int AS outskirts_population_2011
    FROM settlement_part WHERE settlement_code = ${code}`.execute(db);
  const partRow = parts.rows[0]!;

  return {
    code: row.code,
    name: row.name,
    legalStatus: row.legal_status,
    county: { code: row.county_code, name: row.county_name },
    district: { code: row.district_code, name: row.district_name, seat: row.district_seat },
    population2024: row.population_2024,
    areaHa: row.area_ha,
    dwellings: row.dwellings,
    romaSelfGovernment: row.roma_self_government,
    postcodes: row.postcodes,
    point: [row.lon, row.lat],
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
    indicators: (await unitIndicators(db, 'settlement', code)).map(({ fromDistrict, ...indicator }) => ({
      ...indicator,
      level: fromDistrict ? 'district' : 'settlement',
    })),
    parts: {
      total: partRow.total,
      outskirts: partRow.outskirts,
      population2011: partRow.population_2011,
      outskirtsPopulation2011: partRow.outskirts_population_2011,
    },
  };
}
