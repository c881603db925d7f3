import { sql, type Kysely } from 'kysely';

/**
 * Saved delivery plans: every answered `POST /api/routes` is kept as a route scenario with its
 * request, the places of its stops (what the page redraws them from) and the whole plan, so a
 * reload, another dispatcher or tomorrow's driver sheets find it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE route_scenario (
      id serial PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      request jsonb NOT NULL,
      stops jsonb NOT NULL,
      plan jsonb NOT NULL,
      route_count integer NOT NULL,
      stop_count integer NOT NULL,
      distance_km double precision NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS route_scenario`.execute(db);
}
