import { Migrator, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

export class MigrationError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`database migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
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
