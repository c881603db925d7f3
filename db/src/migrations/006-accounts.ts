import { sql, type Kysely } from 'kysely';

/**
 * Accounts (issue 11): users with a role, the counties a regional user is scoped
 * to, and sessions. A session row holds the SHA-256 of its random token, never
 * the token itself, so a copy of the database does not sign anyone in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_user (
      id serial PRIMARY KEY,
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'planner', 'regional', 'logistics', 'viewer')),
      disabled boolean NOT NULL DEFAULT false,
      must_change_password boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE app_user_county (
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      county_code text NOT NULL REFERENCES county (code),
      PRIMARY KEY (user_id, county_code)
    )`.execute(db);
  await sql`
    CREATE TABLE app_session (
      token_hash text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX app_session_user ON app_session (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS app_session`.execute(db);
  await sql`DROP TABLE IF EXISTS app_user_county`.execute(db);
  await sql`DROP TABLE IF EXISTS app_user`.execute(db);
}
