import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Keys of the indicators computed in SQL from the base tables (the catalogue gives their titles). */
export const DERIVED_INDICATOR_KEYS = {
  population: 'population',
  population2011: 'population_2011',
  populationChange: 'population_change_2011_2024',
  populationDensity: 'population_density',
  outskirtsShare: 'outskirts_population_share_2011',
  romaSelfGovernment: 'roma_self_government',
} as const;

/** Keys loaded from files per district, shown on settlements as their district's value. */
export const DISTRICT_INHERITED_KEYS = ['dev_index_290_2014', 'dev_class_290_2014'] as const;

const OUTSKIRTS_PART_TYPE = 'Külterület';

/**
 * Per-unit sums from which the population indicators of every level are derived:
 * 2024 residents, 2011 census residents (sum of the settlement parts), outskirts
 * residents 2011 and area. Districts and counties are sums of their settlements.
 */
function unitTotals(level: 'settlement' | 'district' | 'county'): RawBuilder<unknown> {
  const unitColumn = level === 'settlement' ? sql.ref('s.code') : level === 'district' ? sql.ref('s.district_code') : sql.ref('s.county_code');
  return sql`
    SELECT ${unitColumn} AS unit_code,
      sum(s.population_2024)::float8 AS pop_2024,
      sum(parts.pop_2011)::float8 AS pop_2011,
      sum(parts.outskirts_2011)::float8 AS outskirts_2011,
      sum(s.area_ha)::float8 AS area_ha
    FROM settlement AS s
    LEFT JOIN (
      SELECT settlement_code,
        sum(coalesce(population_2011, 0)) AS pop_2011,
        sum(CASE WHEN part_type = ${OUTSKIRTS_PART_TYPE} THEN coalesce(population_2011, 0) ELSE 0 END) AS outskirts_2011
      FROM settlement_part GROUP BY settlement_code
    ) AS parts ON parts.settlement_code = s.code
    GROUP BY ${unitColumn}`;
}

async function upsertValues(db: Db, level: string, key: string, year: number, source: string, select: RawBuilder<unknown>): Promise<void> {
  await sql`
    INSERT INTO indicator_value (unit_kind, unit_code, indicator_key, year, value, source)
    SELECT ${level}, derived.unit_code, ${key}, ${year}::int, derived.value, ${source}
    FROM (${select}) AS derived
    WHERE derived.value IS NOT NULL
    ON CONFLICT (unit_kind, indicator_key, year, unit_code) DO UPDATE SET value = excluded.value, source = excluded.source`.execute(db);
}

export async function deriveIndicatorValues(db: Db): Promise<void> {
  const k = DERIVED_INDICATOR_KEYS;
  const gazetteer = 'KSH Helységnévtár 2024';
  const census = 'KSH településrészek 2018 (népszámlálás 2011)';
  for (const level of ['settlement', 'district', 'county'] as const) {
    const totals = unitTotals(level);
    await upsertValues(db, level, k.population, 2024, gazetteer, sql`SELECT unit_code, pop_2024 AS value FROM (${totals}) t`);
    await upsertValues(db, level, k.population2011, 2011, census, sql`SELECT unit_code, pop_2011 AS value FROM (${totals}) t`);
    await upsertValues(db, level, k.populationChange, 2024, `${gazetteer}; ${census}`, sql`
      SELECT unit_code, round((100 * (pop_2024 - pop_2011) / pop_2011)::numeric, 2)::float8 AS value
      FROM (${totals}) t WHERE pop_2011 > 0`);
    await upsertValues(db, level, k.populationDensity, 2024, gazetteer, sql`
      SELECT unit_code, round((pop_2024 / (area_ha / 100))::numeric, 1)::float8 AS value
      FROM (${totals}) t WHERE area_ha > 0`);
    await upsertValues(db, level, k.outskirtsShare, 2011, census, sql`
      SELECT unit_code, round((100 * outskirts_2011 / pop_2011)::numeric, 2)::float8 AS value
      FROM (${totals}) t WHERE pop_2011 > 0`);
  }
  await upsertValues(db, 'settlement', k.romaSelfGovernment, 2024, gazetteer, sql`
    SELECT code AS unit_code, CASE WHEN roma_self_government THEN 1 ELSE 0 END::float8 AS value FROM settlement`);
  for (const key of DISTRICT_INHERITED_KEYS) {
    await sql`
      INSERT INTO indicator_value (unit_kind, unit_code, indicator_key, year, value, source, from_district)
      SELECT 'settlement', s.code, v.indicator_key, v.year, v.value, v.source, true
      FROM settlement AS s JOIN indicator_value AS v
        ON v.unit_kind = 'district' AND v.unit_code = s.district_code AND v.indicator_key = ${key}
      ON CONFLICT (unit_kind, indicator_key, year, unit_code) DO UPDATE SET value = excluded.value,
        source = excluded.source, from_district = true`.execute(db);
  }
}
