import { sql, type Kysely } from 'kysely';

/** Settings an organisation tunes (detour factor, travel speed, segregation thresholds) and its saved need indices. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE setting (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE need_index (
      indicator_key text PRIMARY KEY REFERENCES indicator (key) ON DELETE CASCADE,
      name text NOT NULL UNIQUE,
      components jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS need_index`.execute(db);
  await sql`DROP TABLE IF EXISTS setting`.execute(db);
}
