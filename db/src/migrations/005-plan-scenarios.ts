import { sql, type Kysely } from 'kysely';

/**
 * Saved siting plans: every run of `POST /api/plans` is a scenario, kept with
 * its request, its figures and sites (what lists and comparisons read) and the
 * whole result (assignments included) for reopening it later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan_scenario (
      id serial PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
      request jsonb NOT NULL,
      summary jsonb,
      sites jsonb,
      result jsonb,
      error jsonb
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS plan_scenario`.execute(db);
}
