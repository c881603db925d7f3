import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { BUNDLE_DIRECTORY, loadBase } from '@terep/data-import';
import { openEngine, ROLES, type Role } from '@terep/db';
import { startAppServer, type RunningServer } from './app-server.ts';
import { fingerprint } from './fingerprint.ts';
import { E2E_REGIONAL_COUNTY, ensureTestUser, testUser, type TestUser } from './test-users.ts';
import { databaseUrl, hasChromium, IN_CI, REPO_ROOT, TEST_PGLITE_DIR, TEST_STATE_DIR, warnSkipped } from './test-env.ts';

const FINGERPRINT_FILE = `${TEST_PGLITE_DIR}.fingerprint`;
const E2E_PGLITE_DIR = `${TEST_STATE_DIR}/pglite-e2e`;
const WEB_BUILD = `${REPO_ROOT}/web/build/index.html`;

let server: RunningServer | undefined;

/**
 * Prepares the databases the suites share: the embedded one is loaded from the
 * shipped bundle (the path a fresh clone takes), the server, when given, from
 * the published files. Then starts the app for the browser tests.
 */
export async function setup(): Promise<void> {
  const url = databaseUrl();
  if (!url) {
    if (IN_CI) throw new Error('CI must run the database tests on a PostGIS server too: DATABASE_URL is not set.');
    warnSkipped('PostGIS server tests', 'DATABASE_URL is not set; database tests run on PGlite only');
  }

  const expected = fingerprint([`${REPO_ROOT}/db/src`, `${REPO_ROOT}/data-import/src/base`, `${REPO_ROOT}/data-import/src/readers`, BUNDLE_DIRECTORY]);
  const current = existsSync(FINGERPRINT_FILE) ? readFileSync(FINGERPRINT_FILE, 'utf8') : '';
  if (current !== expected || !existsSync(TEST_PGLITE_DIR)) {
    console.log('[test setup] loading the base data into a fresh embedded test database (from the bundle)…');
    rmSync(TEST_PGLITE_DIR, { recursive: true, force: true });
    mkdirSync(TEST_STATE_DIR, { recursive: true });
    const engine = await openEngine({ dataDir: TEST_PGLITE_DIR });
    try {
      await loadBase(engine, { directory: BUNDLE_DIRECTORY });
    } finally {
      await engine.close();
    }
    writeFileSync(FINGERPRINT_FILE, expected);
  }

  if (url) {
    console.log('[test setup] loading the base data into the PostGIS server…');
    const engine = await openEngine({ databaseUrl: url });
    try {
      await loadBase(engine);
    } finally {
      await engine.close();
    }
  }

  if (process.env.TEREP_E2E_URL) return;
  const missing = !hasChromium() ? 'Chromium is not installed at /usr/bin/chromium' : !existsSync(WEB_BUILD) ? 'the web app is not built (npm run build)' : undefined;
  if (missing) {
    if (IN_CI) throw new Error(`CI must run the browser tests: ${missing}.`);
    warnSkipped('browser tests', missing);
    return;
  }
  // The server process needs its own embedded data directory: PGlite allows one process per directory.
  rmSync(E2E_PGLITE_DIR, { recursive: true, force: true });
  if (!url) cpSync(TEST_PGLITE_DIR, E2E_PGLITE_DIR, { recursive: true });
  process.env.TEREP_E2E_USERS = JSON.stringify(await createE2eUsers(url ? { databaseUrl: url } : { dataDir: E2E_PGLITE_DIR }));
  server = await startAppServer(url ? { DATABASE_URL: url } : { TEREP_DATA_DIR: E2E_PGLITE_DIR });
  process.env.TEREP_E2E_URL = server.url;
}

/**
 * One user per role in the database the browser tests' server will open (before it opens it:
 * PGlite allows one process per directory); the tests read them from TEREP_E2E_USERS.
 */
async function createE2eUsers(options: { databaseUrl?: string; dataDir?: string }): Promise<Record<Role, TestUser>> {
  const engine = await openEngine(options);
  try {
    const users = Object.fromEntries(ROLES.map((role) => [role, testUser(role, role === 'regional' ? [E2E_REGIONAL_COUNTY] : [], 'e2e')])) as Record<Role, TestUser>;
    for (const user of Object.values(users)) await ensureTestUser(engine, user);
    return users;
  } finally {
    await engine.close();
  }
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
