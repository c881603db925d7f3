import { sql, type Kysely } from 'kysely';

/**
 * Whether an institution's or warehouse's point is its own or stands at its settlement's centre
 * (the import places rows without coordinates there). The map draws the two differently, so a
 * reader never takes a settlement centre for an address. Rows imported before are marked where
 * their point is exactly their settlement's centre, the only place the import put such rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['institution', 'warehouse']) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN placed_at_centre boolean NOT NULL DEFAULT false`.execute(db);
    await sql`
      UPDATE ${sql.table(table)} AS t SET placed_at_centre = true
      FROM settlement AS s
      WHERE s.code = t.settlement_code AND ST_DWithin(t.geom, s.label_point, 1e-7)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['institution', 'warehouse']) {
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN IF EXISTS placed_at_centre`.execute(db);
  }
}
