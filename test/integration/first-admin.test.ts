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

  it('on an empty data directory, creates the database and loads the base data in a process of its own, then serves it', async () => {
    const empty = join(directory, 'empty');
    const server = await startAppServer({ TEREP_DATA_DIR: empty, DATABASE_URL: '', TEREP_VERBOSE: '1' });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; counts: Record<string, number> };
      expect(health).toMatchObject({ status: 'ok', counts: expect.objectContaining({ settlement: 3177 }) });
      const printed = server.output();
      // The load's own process announced its steps; this one opened the loaded database afterwards.
      const order = ['creating the database and loading the base data (in a process of its own)', 'base load process: done', 'base data loaded', 'embedded database opened', 'ready: the API answers'];
      const at = order.map((step) => printed.indexOf(`] ${step}`));
      expect(at.every((position) => position >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(printed).toMatch(/települések \/ settlements \(3177\)/);
      expect(printed).toMatch(/Terep: first run, an administrator account was created/);
    } finally {
      await server.stop();
    }
  });
});
