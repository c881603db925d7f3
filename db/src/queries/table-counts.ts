import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface TableCounts {
  county: number;
  district: number;
  settlement: number;
  settlement_part: number;
  indicator: number;
  indicator_value: number;
  boundary_generalised: number;
}

export interface DatabaseSummary {
  counts: TableCounts;
  /** Sum of the 2024 resident population over all settlement rows. */
  population: number;
}

export async function summariseDatabase(db: Kysely<Database> | Transaction<Database>): Promise<DatabaseSummary> {
  const { rows } = await sql<TableCounts & { population: number }>`
    SELECT
      (SELECT count(*) FROM county)::int AS county,
      (SELECT count(*) FROM district)::int AS district,
      (SELECT count(*) FROM settlement)::int AS settlement,
      (SELECT count(*) FROM settlement_part)::int AS settlement_part,
      (SELECT count(*) FROM indicator)::int AS indicator,
      (SELECT count(*) FROM indicator_value)::int AS indicator_value,
      (SELECT count(*) FROM boundary_generalised)::int AS boundary_generalised,
      (SELECT coalesce(sum(population_2024), 0) FROM settlement)::float8 AS population`.execute(db);
  const { population, ...counts } = rows[0]!;
  return { counts, population };
}

export async function postgisVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ version: string }>`SELECT postgis_lib_version() AS version`.execute(db);
  return rows[0]!.version;
}
