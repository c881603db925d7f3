import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer } from '../src/app-server.ts';
import { TEST_PGLITE_DIR } from '../src/test-env.ts';

/*
 * `npm start` on a database without users creates `admin` and prints its one-time password once.
 * Run on the embedded engine (a copy of the test database, emptied of users): the server engine's
 * database is shared by the other suites' users.
 */
describe('the first run of the server', () => {
  const directory = mkdtempSync(join(tmpdir(), 'terep-first-admin-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('creates the first admin once, prints its one-time password clearly, and never again', async () => {
    cpSync(TEST_PGLITE_DIR, directory, { recursive: true });
    const engine = await openEngine({ dataDir: directory });
    await sql`DELETE FROM app_user`.execute(engine.db);
    await engine.close();

    const first = await startAppServer({ TEREP_DATA_DIR: directory, DATABASE_URL: '' });
    let password: string | undefined;
    try {
      const printed = first.output();
      expect(printed).toMatch(/={72}\nTerep: first run, an administrator account was created\.\n {2}username: admin\n {2}password: \S{24}\n/);
      password = /password: (\S+)/.exec(printed)![1];
      const response = await fetch(`${first.url}/api/session`, { method: 'POST', body: JSON.stringify({ username: 'admin', password }), headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { user: { role: string; mustChangePassword: boolean } }).user).toMatchObject({ role: 'admin', mustChangePassword: true });
    } finally {
      await first.stop();
    }

    const second = await startAppServer({ TEREP_DATA_DIR: directory, DATABASE_URL: '' });
    try {
      expect(second.output()).not.toMatch(/password/i);
    } finally {
      await second.stop();
    }
  });
});
