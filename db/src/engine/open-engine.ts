import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DEFAULT_DATA_DIR, type Engine, type EngineOptions } from './engine.ts';
import { openEmbeddedEngine } from './pglite-engine.ts';
import { openServerEngine } from './pg-engine.ts';
import { migrateToLatest } from '../migrate.ts';

/**
 * Opens the server engine when a URL is given, the embedded one otherwise, and migrates it.
 * `onStep` hears when each part is done (start-up timing).
 */
export async function openEngine(options: EngineOptions = {}, onStep: (step: string) => void = () => {}): Promise<Engine> {
  const engine = options.databaseUrl
    ? await openServerEngine(options.databaseUrl)
    : await openEmbeddedEngine(options.dataDir ?? DEFAULT_DATA_DIR);
  onStep(`${engine.kind} database opened`);
  try {
    await migrateToLatest(engine.db);
    onStep('migrations applied');
    // Asked after migrating: the road-network migration creates pgRouting where the server offers it.
    return { ...engine, capabilities: { ...engine.capabilities, pgRouting: await hasPgRouting(engine) } };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Whether `openEngine(options)` would create the embedded database from nothing (false for the server engine). */
export function embeddedDatabaseIsNew(options: EngineOptions = {}): boolean {
  return !options.databaseUrl && !existsSync(join(options.dataDir ?? DEFAULT_DATA_DIR, 'PG_VERSION'));
}

async function hasPgRouting(engine: Engine): Promise<boolean> {
  const { rows } = await sql<{ installed: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pgrouting') AS installed`.execute(engine.db);
  return rows[0]?.installed ?? false;
}
