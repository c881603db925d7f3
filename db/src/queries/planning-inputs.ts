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

/** Every settlement's label point and 2024 population, by code: demand points and candidate sites for siting models. */
export async function planningSettlements(db: Kysely<Database>): Promise<PlanningSettlement[]> {
  const { rows } = await sql<{ code: string; name: string; lon: number; lat: number; population_2024: number }>`
    SELECT code, name, ST_X(label_point)::float8 AS lon, ST_Y(label_point)::float8 AS lat, population_2024::int AS population_2024
    FROM settlement
    ORDER BY code`.execute(db);
  return rows.map((row) => ({ code: row.code, name: row.name, lon: row.lon, lat: row.lat, population2024: row.population_2024 }));
}
