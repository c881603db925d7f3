import { sql, type Kysely } from 'kysely';

/** The channel these triggers notify on; payload: the table that changed. */
const ACCESS_CHANNEL = 'terep_access';
/** The tables whose rows decide access. */
const TABLES = ['app_session', 'app_user', 'app_user_county', 'share_link'];

/**
 * Who may read what is kept in memory by the API (a session's user, a share link's expiry), so a
 * request costs no query. Every change that ends or narrows that access notifies, from whichever
 * process makes it (the users CLI, a second server on the same PostgreSQL), and the memory drops
 * what it kept. Row triggers, so a statement that changes nothing (the sign-in's cleanup of expired
 * sessions, most days) notifies nothing; PostgreSQL folds a transaction's identical notifications
 * into one. A session's sliding expiry (an update that only moves `last_seen_at` and `expires_at`
 * later) does not notify: a cached session only gets longer to live through it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify(${sql.lit(ACCESS_CHANNEL)}, TG_TABLE_NAME);
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER app_session_access_delete AFTER DELETE ON app_session
    FOR EACH ROW EXECUTE FUNCTION notify_access_change()`.execute(db);
  await sql`
    CREATE TRIGGER app_session_access_update AFTER UPDATE ON app_session
    FOR EACH ROW WHEN (
      NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.user_id IS DISTINCT FROM OLD.user_id
      OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.expires_at < OLD.expires_at
    ) EXECUTE FUNCTION notify_access_change()`.execute(db);
  await sql`
    CREATE TRIGGER app_user_access AFTER UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION notify_access_change()`.execute(db);
  await sql`
    CREATE TRIGGER app_user_county_access AFTER INSERT OR UPDATE OR DELETE ON app_user_county
    FOR EACH ROW EXECUTE FUNCTION notify_access_change()`.execute(db);
  await sql`
    CREATE TRIGGER share_link_access AFTER UPDATE OR DELETE ON share_link
    FOR EACH ROW EXECUTE FUNCTION notify_access_change()`.execute(db);
  for (const table of TABLES) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_access_truncate`)} AFTER TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_access_truncate`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP TRIGGER IF EXISTS share_link_access ON share_link`.execute(db);
  await sql`DROP TRIGGER IF EXISTS app_user_county_access ON app_user_county`.execute(db);
  await sql`DROP TRIGGER IF EXISTS app_user_access ON app_user`.execute(db);
  await sql`DROP TRIGGER IF EXISTS app_session_access_update ON app_session`.execute(db);
  await sql`DROP TRIGGER IF EXISTS app_session_access_delete ON app_session`.execute(db);
  await sql`DROP FUNCTION IF EXISTS notify_access_change()`.execute(db);
}
