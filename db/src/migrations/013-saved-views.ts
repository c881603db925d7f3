import { sql, type Kysely } from 'kysely';

/**
 * Saved views, stories and read-only share links (issue 13). A view is a map page and its query
 * string (what the address says), with a title and a note; a story is an ordered list of views;
 * a share link opens one view or one story without an account until it expires or is revoked.
 * Only the SHA-256 of a share token is stored, as for sessions: the token itself is shown once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE saved_view (
      id serial PRIMARY KEY,
      title text NOT NULL,
      note text NOT NULL DEFAULT '',
      page text NOT NULL CHECK (page IN ('/', '/analysis', '/planning', '/logistics')),
      query text NOT NULL DEFAULT '',
      author_id integer REFERENCES app_user(id) ON DELETE SET NULL,
      author text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE story (
      id serial PRIMARY KEY,
      title text NOT NULL,
      note text NOT NULL DEFAULT '',
      author_id integer REFERENCES app_user(id) ON DELETE SET NULL,
      author text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Deleting a view takes it out of the stories that showed it.
  await sql`
    CREATE TABLE story_view (
      story_id integer NOT NULL REFERENCES story(id) ON DELETE CASCADE,
      position integer NOT NULL,
      view_id integer NOT NULL REFERENCES saved_view(id) ON DELETE CASCADE,
      PRIMARY KEY (story_id, position)
    )`.execute(db);
  await sql`CREATE INDEX story_view_view_idx ON story_view (view_id)`.execute(db);
  await sql`
    CREATE TABLE share_link (
      id serial PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      view_id integer REFERENCES saved_view(id) ON DELETE CASCADE,
      story_id integer REFERENCES story(id) ON DELETE CASCADE,
      created_by_id integer REFERENCES app_user(id) ON DELETE SET NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      CHECK ((view_id IS NULL) <> (story_id IS NULL))
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS share_link`.execute(db);
  await sql`DROP TABLE IF EXISTS story_view`.execute(db);
  await sql`DROP TABLE IF EXISTS story`.execute(db);
  await sql`DROP TABLE IF EXISTS saved_view`.execute(db);
}
