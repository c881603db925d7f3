import { createApi } from '@terep/api';
import { SHARE_COOKIE } from '@terep/api/auth';
import { openEngine, setUserPassword, updateUser, type Engine, type ImportOutcome, type NewShareLink, type SavedView, type SessionAnswer } from '@terep/db';
import type { Hono } from 'hono';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { eventually } from '../src/eventually.ts';
import { utf8 } from '../src/org-fixtures.ts';
import { databaseUrl } from '../src/test-env.ts';
import { ensureTestUser, signInCookie, TEST_ACTOR, testUser, type TestUser } from '../src/test-users.ts';

/*
 * Sessions and share links are kept in memory (api/src/auth/session-cache.ts, share-link-cache.ts), so a
 * request costs no query; these tests show that every change of access still takes effect at once.
 * Each first shows that the answer comes from memory: a change made with the access triggers
 * (migration 018) switched off is NOT seen, so a test that then sees a change saw it through the
 * notification, not through a fresh read.
 */

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe.each(engineCases())('the session and share-link cache on $name', ({ name, open }) => {
  let engine: Engine;
  let app: Hono;
  const admin = testUser('admin', [], 'sc');
  const planner = testUser('planner', [], 'sc');
  let adminCookie: string;

  beforeAll(async () => {
    engine = await open();
    app = createApi({ engine });
    await ensureTestUser(engine, admin);
    await ensureTestUser(engine, planner);
    adminCookie = await signInCookie(app, admin);
  });
  afterAll(async () => {
    await sql`DELETE FROM share_link WHERE created_by = ${planner.username}`.execute(engine.db);
    await sql`DELETE FROM saved_view WHERE author = ${planner.username}`.execute(engine.db);
    await engine?.close();
  });

  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    app.request(path, { method, headers: { ...JSON_HEADERS, Cookie: cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const whoAmI = async (cookie: string) => {
    const response = await send('GET', '/api/session', cookie);
    return response.status === 200 ? ((await response.json()) as SessionAnswer).user : response.status;
  };

  /** Runs `change` with the table's access triggers off: nobody is told. */
  async function silently(table: string, change: RawBuilder<unknown>): Promise<void> {
    await engine.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(trx);
      await change.execute(trx);
      await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(trx);
    });
  }

  /**
   * Whether `user`'s session answers from memory: renamed silently, the session still shows the old
   * name. The name is then put back with the triggers on, which drops the cache again.
   */
  async function keptInMemory(user: TestUser, cookie: string): Promise<boolean> {
    expect(await whoAmI(cookie)).toMatchObject({ username: user.username });
    await silently('app_user', sql`UPDATE app_user SET username = ${`${user.username}-renamed`} WHERE username = ${user.username}`);
    try {
      return ((await whoAmI(cookie)) as { username?: string }).username === user.username;
    } finally {
      await sql`UPDATE app_user SET username = ${user.username} WHERE username = ${`${user.username}-renamed`}`.execute(engine.db);
    }
  }

  /** A fresh user and session whose requests are answered from memory. */
  async function cachedSession(user: TestUser): Promise<string> {
    await ensureTestUser(engine, user);
    const cookie = await signInCookie(app, user);
    await eventually('the session is kept in memory', () => keptInMemory(user, cookie));
    // keptInMemory dropped the cache: this request keeps the session again.
    expect(await whoAmI(cookie)).toMatchObject({ username: user.username });
    return cookie;
  }

  it('answers a signed-in request from memory', async () => {
    const cookie = await cachedSession(testUser('viewer', [], 'sc-memory'));
    expect((await send('GET', '/api/indicators', cookie)).status).toBe(200);
  });

  it('ends the session at logout: the same cookie is refused at once', async () => {
    const cookie = await cachedSession(testUser('viewer', [], 'sc-logout'));
    expect((await send('DELETE', '/api/session', cookie)).status).toBe(204);
    expect(await whoAmI(cookie)).toBe(401);
    expect((await send('GET', '/api/indicators', cookie)).status).toBe(401);
  });

  it('refuses a user the admin disabled at the next request', async () => {
    const user = testUser('viewer', [], 'sc-disabled');
    const cookie = await cachedSession(user);
    expect((await send('PATCH', `/api/users/${user.username}`, adminCookie, { disabled: true })).status).toBe(200);
    expect((await send('GET', '/api/indicators', cookie)).status).toBe(401);
  });

  it('applies a role change at the next request', async () => {
    const user = testUser('planner', [], 'sc-role');
    const cookie = await cachedSession(user);
    expect((await send('GET', '/api/imports', cookie)).status).toBe(200);
    expect((await send('PATCH', `/api/users/${user.username}`, adminCookie, { role: 'viewer' })).status).toBe(200);
    const refused = await send('GET', '/api/imports', cookie);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(await whoAmI(cookie)).toMatchObject({ role: 'viewer', counties: [] });
  });

  it('moves a regional user\'s scope with a county change at once', async () => {
    const user = testUser('regional', ['02'], 'sc-county');
    const cookie = await cachedSession(user);
    /** A dry run importing a need signal in Székesfehérvár (Fejér, 07): whether it is out of the user's scope. */
    const outOfScope = async () => {
      const form = new FormData();
      form.set('file', new File([utf8('KSH kód;kategória;háztartások;személyek;dátum;szervezet\n14827;fűtés;8;20;2025-11-02;Teszt\n')], 'jelzesek.csv'));
      form.set('dryRun', 'true');
      const response = await app.request('/api/imports/need-signals', { method: 'POST', body: form, headers: { Cookie: cookie } });
      const outcome = (await response.json()) as ImportOutcome;
      return outcome.report.problems.some((problem) => problem.code === 'OUT_OF_SCOPE');
    };
    expect(await outOfScope()).toBe(true);
    expect((await send('PATCH', `/api/users/${user.username}`, adminCookie, { counties: ['07'] })).status).toBe(200);
    expect(await whoAmI(cookie)).toMatchObject({ role: 'regional', counties: ['07'] });
    expect(await outOfScope()).toBe(false);
  });

  it('ends the sessions at a password reset, and the other sessions at one\'s own password change', async () => {
    const user = testUser('viewer', [], 'sc-password');
    const first = await cachedSession(user);
    const second = await signInCookie(app, user);
    expect(await whoAmI(second)).toMatchObject({ username: user.username });
    const newPassword = `${user.password}-new`;
    expect((await send('PUT', '/api/session/password', first, { currentPassword: user.password, newPassword })).status).toBe(200);
    expect(await whoAmI(second)).toBe(401);
    expect(await whoAmI(first)).toMatchObject({ username: user.username });
    expect((await send('POST', `/api/users/${user.username}/password`, adminCookie)).status).toBe(200);
    expect(await whoAmI(first)).toBe(401);
  });

  it('sees a change written past the accounts service at once (as the users CLI writes it)', async () => {
    const user = testUser('planner', [], 'sc-direct');
    const cookie = await cachedSession(user);
    // The queries the CLI's commands run, on this process's connection: only the triggers tell the cache.
    await updateUser(engine.db, user.username, { role: 'logistics' }, TEST_ACTOR);
    expect(await whoAmI(cookie)).toMatchObject({ role: 'logistics' });
    await setUserPassword(engine.db, user.username, 'not-a-real-hash', { mustChangePassword: true }, TEST_ACTOR);
    expect(await whoAmI(cookie)).toBe(401);
  });

  it.skipIf(name !== 'postgis-server')('hears a change made by another process on the same server', async () => {
    const user = testUser('planner', [], 'sc-other');
    const cookie = await cachedSession(user);
    const other = await openEngine({ databaseUrl: databaseUrl()! });
    try {
      await updateUser(other.db, user.username, { role: 'viewer' }, TEST_ACTOR);
      await eventually('the role change of another process is seen', async () => ((await whoAmI(cookie)) as { role?: string }).role === 'viewer');
      expect((await send('GET', '/api/imports', cookie)).status).toBe(403);
      await updateUser(other.db, user.username, { disabled: true }, TEST_ACTOR);
      await eventually('the disabling by another process is seen', async () => (await whoAmI(cookie)) === 401);
    } finally {
      await other.close();
    }
  });

  it('stops reading through a share link at its revocation', async () => {
    const plannerCookie = await signInCookie(app, planner);
    const viewResponse = await send('POST', '/api/views', plannerCookie, { title: 'Gyorstár', page: '/', query: 'level=county' });
    const view = (await viewResponse.json()) as SavedView;
    const created = (await (await send('POST', '/api/shares', plannerCookie, { viewId: view.id })).json()) as NewShareLink;
    const asShare = (path: string) => app.request(path, { headers: { Cookie: `${SHARE_COOKIE}=${created.token}` } });
    // From memory: a revocation nobody is told of is not seen.
    await eventually('the share link is kept in memory', async () => {
      expect((await asShare('/api/indicators')).status).toBe(200);
      await silently('share_link', sql`UPDATE share_link SET revoked_at = now() WHERE id = ${created.share.id}`);
      try {
        return (await asShare('/api/indicators')).status === 200;
      } finally {
        await sql`UPDATE share_link SET revoked_at = NULL WHERE id = ${created.share.id}`.execute(engine.db);
      }
    });
    expect((await asShare('/api/indicators')).status).toBe(200);
    expect((await send('DELETE', `/api/shares/${created.share.id}`, plannerCookie)).status).toBe(200);
    expect((await asShare('/api/indicators')).status).toBe(401);
    expect((await app.request(`/api/shared/${created.token}`)).status).toBe(410);
  });
});
