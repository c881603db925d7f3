import { openEngine, type Engine } from '@terep/db';
import { databaseUrl, TEST_PGLITE_DIR } from './test-env.ts';

export interface EngineCase {
  name: 'pglite' | 'postgis-server';
  open(): Promise<Engine>;
}

/**
 * The engines every database test runs on: the embedded one always, the server
 * whenever DATABASE_URL is set (global-setup refuses to run in CI without it).
 */
export function engineCases(): EngineCase[] {
  const url = databaseUrl();
  const cases: EngineCase[] = [{ name: 'pglite', open: () => openEngine({ dataDir: TEST_PGLITE_DIR }) }];
  if (url) cases.push({ name: 'postgis-server', open: () => openEngine({ databaseUrl: url }) });
  return cases;
}
