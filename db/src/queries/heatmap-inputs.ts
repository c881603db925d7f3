import { sql, type Kysely } from 'kysely';
import type { Database, NeedCategory } from '../schema.ts';

export interface SettlementPoint {
  code: string;
  lon: number;
  lat: number;
  population: number;
  households: number | null;
  persons: number | null;
  value: number | null;
}

/** Settlement label points with their need-signal sums and, optionally, one indicator's latest value. */
export async function settlementPoints(
  db: Kysely<Database>,
  options: { categories: readonly NeedCategory[]; indicatorKey?: string | undefined },
): Promise<SettlementPoint[]> {
  const categoryFilter = options.categories.length > 0 ? sql`AND category IN (${sql.join(options.categories)})` : sql``;
  const indicator = options.indicatorKey
    ? sql`(SELECT v.value FROM indicator_value v WHERE v.unit_kind = 'settlement' AND v.unit_code = s.code AND v.indicator_key = ${options.indicatorKey} ORDER BY v.year DESC LIMIT 1)`
    : sql`NULL::float8`;
  const { rows } = await sql<{ code: string; lon: number; lat: number; population: number; households: number | null; persons: number | null; value: number | null }>`
    SELECT s.code, ST_X(s.label_point) AS lon, ST_Y(s.label_point) AS lat, s.population_2024 AS population,
      signals.households, signals.persons, ${indicator} AS value
    FROM settlement s
    LEFT JOIN (SELECT settlement_code, sum(households)::int AS households, sum(persons)::int AS persons FROM need_signal WHERE withdrawn_at IS NULL ${categoryFilter} GROUP BY settlement_code) signals
      ON signals.settlement_code = s.code
    ORDER BY s.code`.execute(db);
  return rows;
}
