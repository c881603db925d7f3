import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '@terep/api';
import { openEngine, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { databaseUrl, REPO_ROOT, TEST_PGLITE_DIR } from '../src/test-env.ts';
import { signInCookie } from '../src/test-users.ts';

/** `npm run users -- ...` as a user runs it, against the engine the environment names. */
function users(env: Record<string, string>, ...args: string[]): { status: number; stdout: string; stderr: string; last: unknown } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/auth/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', TEREP_DATA_DIR: '', ...env },
    encoding: 'utf8',
  });
  const lines = result.stdout.trim().split('\n');
  let last: unknown;
  try {
    last = JSON.parse(lines.at(-1) ?? '');
  } catch {
    last = undefined;
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, last };
}

describe.each(engineCases())('the users CLI on $name', ({ name }) => {
  let env: Record<string, string>;
  let directory: string | undefined;
  const open = (): Promise<Engine> => openEngine(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.TEREP_DATA_DIR });

  beforeAll(async () => {
    if (name === 'pglite') {
      // A copy: the CLI opens the data directory in its own process.
      directory = mkdtempSync(join(tmpdir(), 'terep-users-cli-'));
      cpSync(TEST_PGLITE_DIR, directory, { recursive: true });
      env = { TEREP_DATA_DIR: directory };
    } else {
      env = { DATABASE_URL: databaseUrl()! };
      const engine = await open();
      await sql`DELETE FROM app_user WHERE username LIKE 'cli-%'`.execute(engine.db);
      await engine.close();
    }
  });
  afterAll(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('adds users with a one-time password on the last line, lists, resets and disables them', async () => {
    const added = users(env, 'add', 'cli-regional', '--role', 'regional', '--county', '02', '--county', '03');
    expect(added.status, added.stderr).toBe(0);
    const secret = added.last as { username: string; password: string };
    expect(Object.keys(secret)).toEqual(['username', 'password']);
    expect(secret.username).toBe('cli-regional');

    expect(users(env, 'add', 'cli-viewer', '--role', 'viewer').status).toBe(0);

    const reset = users(env, 'passwd', 'cli-regional');
    expect(reset.status, reset.stderr).toBe(0);
    const fresh = reset.last as { username: string; password: string };
    expect(fresh.username).toBe('cli-regional');
    expect(fresh.password).not.toBe(secret.password);

    const engine = await open();
    try {
      const app = createApi({ engine });
      const signIn = (password: string) =>
        app.request('/api/session', { method: 'POST', body: JSON.stringify({ username: 'cli-regional', password }), headers: { 'Content-Type': 'application/json' } });
      expect((await signIn(secret.password)).status).toBe(401);
      expect(await signInCookie(app, { username: 'cli-regional', password: fresh.password, role: 'regional', counties: ['02', '03'] })).toMatch(/^terep_session=/);
    } finally {
      await engine.close();
    }

    const disabled = users(env, 'disable', 'cli-regional');
    expect(disabled.status, disabled.stderr).toBe(0);
    const listed = users(env, 'list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/cli-regional\tregional \[02, 03\]\t\(disabled, one-time password\)/);
    expect(listed.stdout).toMatch(/cli-viewer\tviewer\t\(one-time password\)/);
  });

  // The other refusals (a regional user without counties, counties for a national role) share
  // the service with POST /api/users, tested in auth.test.ts; each CLI run here opens the database.
  it('refuses unknown roles and counties and duplicates with a clear message and a failing exit code', () => {
    const cases: [string[], RegExp][] = [
      [['add', 'cli-x', '--role', 'chief'], /Unknown role "chief"/],
      [['add', 'cli-x', '--role', 'regional', '--county', '99'], /Unknown county code: 99/],
      [['add', 'cli-viewer', '--role', 'viewer'], /already exists/],
      [['add', 'cli-x'], /add needs --role/],
    ];
    for (const [args, message] of cases) {
      const result = users(env, ...args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });
});
