import { DEFAULT_DATA_DIR, type Engine, type EngineOptions } from './engine.ts';
import { openEmbeddedEngine } from './pglite-engine.ts';
import { openServerEngine } from './pg-engine.ts';
import { migrateToLatest } from '../migrate.ts';

/** Opens the server engine when a URL is given, the embedded one otherwise, and migrates it. */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  const engine = options.databaseUrl
    ? await openServerEngine(options.databaseUrl)
    : await openEmbeddedEngine(options.dataDir ?? DEFAULT_DATA_DIR);
  try {
    await migrateToLatest(engine.db);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}
