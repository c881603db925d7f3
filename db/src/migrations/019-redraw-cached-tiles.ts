import { sql, type Kysely } from 'kysely';

/**
 * The embedded engine's tiles are now cut in the app (api/src/tiles/cut-tile.ts) rather than drawn
 * by PGlite's query, and kept tiles are keyed by data version only: tiles an earlier version of the
 * app kept would otherwise be served until the next re-import. Emptying the cache redraws them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM tile_cache`.execute(db);
}

/** Nothing to restore: the cache refills as tiles are asked for. */
export async function down(): Promise<void> {}
