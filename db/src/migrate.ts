import { Migrator, sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

export class MigrationError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`database migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  if (await everyMigrationRecorded(db)) return;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? '(setup)';
    throw new MigrationError(failed, error);
  }
}

/**
 * The usual start: every migration is recorded already. Kysely's migrator first lists every table
 * of the database with its columns (twice, to find its own two tables): most of a reopen's
 * migration step on the embedded engine. Only the exact list of known migrations skips it; a
 * missing or unknown name goes to the migrator, which applies or refuses as before.
 */
async function everyMigrationRecorded(db: Kysely<Database>): Promise<boolean> {
  const { rows: [table] } = await sql<{ present: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS present`.execute(db);
  if (!table?.present) return false;
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const recorded = rows.map((row) => row.name).sort();
  const known = Object.keys(migrations).sort();
  return recorded.length === known.length && recorded.every((name, index) => name === known[index]);
}
