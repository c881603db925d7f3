import type { EngineOptions } from './engine.ts';

/** The engine chosen by the environment: DATABASE_URL for a server, TEREP_DATA_DIR for the embedded data directory. */
export function engineOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EngineOptions {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.TEREP_DATA_DIR || undefined };
}
