import { sql, type Kysely } from 'kysely';

const UNIT_KINDS = ['settlement', 'district', 'county'];

/**
 * Zoom 7 gets its own generalisation level (what zooms 0-7 drew before), since zooms up to 6 now
 * draw borders simplified together (`SHARED_BORDER_LEVEL`). The rows themselves are written by
 * `rebuildGeneralisedBoundaries`: on the next base import, or at the app's start when a level is missing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const unitKind of UNIT_KINDS) {
    await sql`
      CREATE INDEX ${sql.id(`boundary_generalised_${unitKind}_7_geom_idx`)} ON boundary_generalised USING gist (geom)
      WHERE unit_kind = ${sql.lit(unitKind)} AND min_zoom = 7`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const unitKind of UNIT_KINDS) await sql`DROP INDEX IF EXISTS ${sql.id(`boundary_generalised_${unitKind}_7_geom_idx`)}`.execute(db);
}
