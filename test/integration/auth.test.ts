import { createApi } from '@terep/api';
import { hashToken, SESSION_COOKIE } from '@terep/api/auth';
import { type Engine, type OneTimePassword, type SessionAnswer, type UserSummary } from '@terep/db';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { ensureTestUser, sessionCookieOf, signInCookie, testUser, type TestUser } from '../src/test-users.ts';

const HOUR = 3_600_000;
const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe.each(engineCases())('accounts and sessions on $name', ({ open }) => {
  let engine: Engine;
  let now = new Date('2026-01-05T08:00:00Z');
  const clock = () => now;
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  let app: Hono;
  const admin = testUser('admin', [], 'auth');
  const planner = testUser('planner', [], 'auth');

  beforeAll(async () => {
    engine = await open();
    app = createApi({
      engine,
      auth: { now: clock, sessionIdleMs: 2 * HOUR, sessionAbsoluteMs: 24 * HOUR, perUsername: { attempts: 3, windowMs: HOUR }, perAddress: { attempts: 6, windowMs: HOUR } },
    });
    await ensureTestUser(engine, admin);
    await ensureTestUser(engine, planner);
  });
  afterAll(async () => engine?.close());

  const signIn = (username: string, password: string, init: { address?: string; headers?: Record<string, string> } = {}) =>
    app.request(
      '/api/session',
      { method: 'POST', body: JSON.stringify({ username, password }), headers: { ...JSON_HEADERS, ...init.headers } },
      // What @hono/node-server hands the app: the client's socket (for the per-address limit).
      { incoming: { socket: { remoteAddress: init.address ?? '192.0.2.1' } } },
    );
  const whoAmI = (cookie: string) => app.request('/api/session', { headers: { Cookie: cookie } });
  const send = (method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { ...JSON_HEADERS, Cookie: cookie, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('signs in with an HttpOnly, SameSite=Lax cookie on / (Secure only over https), answers the user and signs out', async () => {
    const response = await signIn(admin.username, admin.password);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as SessionAnswer;
    expect(answer.user).toMatchObject({ username: admin.username, role: 'admin', counties: [], mustChangePassword: false });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = sessionCookieOf(response);

    // The database keeps only the token's SHA-256.
    const token = cookie.split('=')[1]!;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_session WHERE token_hash = ${hashToken(token)} OR token_hash = ${token}`.execute(engine.db);
    expect(rows[0]!.n).toBe(1);
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM app_session WHERE token_hash = ${hashToken(token)}`.execute(engine.db);
    expect(stored.rows).toHaveLength(1);

    expect(((await (await whoAmI(cookie)).json()) as SessionAnswer).user.username).toBe(admin.username);
    const out = await send('DELETE', '/api/session', cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    const after = await whoAmI(cookie);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');

    const overHttps = await app.request('https://terep.example/api/session', {
      method: 'POST',
      body: JSON.stringify({ username: admin.username, password: admin.password }),
      headers: JSON_HEADERS,
    });
    expect(overHttps.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers the same for an unknown user, a wrong password and a disabled user', async () => {
    const disabled = testUser('viewer', [], 'auth-disabled');
    await ensureTestUser(engine, disabled);
    const cookie = await signInCookie(app, disabled);
    const byAdmin = await signInCookie(app, admin);
    expect((await send('PATCH', `/api/users/${disabled.username}`, byAdmin, { disabled: true })).status).toBe(200);
    // Disabling ends the user's sessions at once.
    expect((await whoAmI(cookie)).status).toBe(401);

    const answers = [];
    for (const [username, password, address] of [
      ['auth-no-such-user', 'whatever-password', '192.0.2.10'],
      [admin.username, 'wrong-password', '192.0.2.11'],
      [disabled.username, disabled.password, '192.0.2.12'],
    ] as const) {
      const response = await signIn(username, password, { address });
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers[0]).toEqual({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.', params: {} } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await send('PATCH', `/api/users/${disabled.username}`, byAdmin, { disabled: false });
  });

  it('slides the session expiry with each request, ends it when idle, and at the absolute limit', async () => {
    const cookie = await signInCookie(app, planner);
    advance(1.5 * HOUR);
    expect((await whoAmI(cookie)).status).toBe(200);
    advance(1.5 * HOUR); // 3 h after sign-in, 1.5 h after the last request: still alive (idle limit 2 h)
    expect((await whoAmI(cookie)).status).toBe(200);
    advance(2 * HOUR + 1);
    expect((await whoAmI(cookie)).status).toBe(401);

    const busy = await signInCookie(app, planner);
    for (let hour = 0; hour < 23; hour++) {
      advance(HOUR);
      expect((await whoAmI(busy)).status, `hour ${hour + 1}`).toBe(200);
    }
    advance(HOUR); // 24 h after sign-in: over the absolute limit however busy
    expect((await whoAmI(busy)).status).toBe(401);
  });

  it('limits failed sign-ins per username and per address with 429 RATE_LIMITED and Retry-After', async () => {
    const target = testUser('logistics', [], 'auth-limited');
    await ensureTestUser(engine, target);
    for (let attempt = 0; attempt < 3; attempt++) expect((await signIn(target.username, 'wrong-password', { address: `198.51.100.${attempt}` })).status).toBe(401);
    // From another address, even with the right password: the username is locked for the window.
    const limited = await signIn(target.username, target.password, { address: '198.51.100.99' });
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as { error: { code: string; params: { retryAfterSeconds: number } } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.params.retryAfterSeconds).toBe(3600);
    expect(limited.headers.get('retry-after')).toBe('3600');
    advance(HOUR + 1);
    expect((await signIn(target.username, target.password, { address: '198.51.100.99' })).status).toBe(200);

    // One address trying many usernames.
    for (let attempt = 0; attempt < 6; attempt++) expect((await signIn(`auth-guess-${attempt}`, 'wrong-password', { address: '203.0.113.7' })).status).toBe(401);
    expect((await signIn(admin.username, admin.password, { address: '203.0.113.7' })).status).toBe(429);
    expect((await signIn(admin.username, admin.password, { address: '203.0.113.8' })).status).toBe(200);
    advance(HOUR + 1);
  });

  it('refuses state-changing requests from a foreign Origin or marked cross-site, and lets same-origin and scripts through', async () => {
    const cookie = await signInCookie(app, admin);
    const foreign = await send('PUT', '/api/settings', cookie, {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('CROSS_ORIGIN');
    expect((await send('DELETE', '/api/session', cookie, undefined, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // Even a form post (what Hono's csrf middleware checks) and a sign-in from another site.
    const form = await app.request('/api/session', { method: 'POST', body: 'username=a&password=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' } });
    expect(form.status).toBe(403);
    expect((await send('PUT', '/api/settings', cookie, {}, { Origin: 'http://localhost' })).status).toBe(200);
    expect((await send('PUT', '/api/settings', cookie, {})).status).toBe(200);
    // Reads are not state-changing.
    expect((await app.request('/api/settings', { headers: { Cookie: cookie, Origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('applies the GET rule to HEAD requests', async () => {
    expect((await app.request('/api/health', { method: 'HEAD' })).status).toBe(200);
    expect((await app.request('/api/layers', { method: 'HEAD' })).status).toBe(401);
    const cookie = await signInCookie(app, planner);
    expect((await app.request('/api/layers', { method: 'HEAD', headers: { Cookie: cookie } })).status).toBe(200);
    expect((await app.request('/api/users', { method: 'HEAD', headers: { Cookie: cookie } })).status).toBe(403);
  });

  it('lets an admin create, rescope, disable and reset users; a one-time password must be changed before anything else', async () => {
    const byAdmin = await signInCookie(app, admin);
    await sql`DELETE FROM app_user WHERE username = 'auth-new-regional'`.execute(engine.db);
    const created = await send('POST', '/api/users', byAdmin, { username: 'auth-new-regional', role: 'regional', counties: ['02'] });
    expect(created.status).toBe(201);
    const secret = (await created.json()) as OneTimePassword;
    expect(secret.username).toBe('auth-new-regional');
    expect(secret.password.length).toBeGreaterThanOrEqual(20);
    expect((await send('POST', '/api/users', byAdmin, { username: 'auth-new-regional', role: 'viewer' })).status).toBe(409);
    const codes = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
    expect(await codes(await send('POST', '/api/users', byAdmin, { username: 'auth-x', role: 'chief' }))).toBe('UNKNOWN_ROLE');
    expect(await codes(await send('POST', '/api/users', byAdmin, { username: 'auth-x', role: 'regional', counties: ['77'] }))).toBe('UNKNOWN_COUNTY');
    expect(await codes(await send('POST', '/api/users', byAdmin, { username: 'auth-x', role: 'regional' }))).toBe('INVALID_PARAMETER');
    expect(await codes(await send('POST', '/api/users', byAdmin, { username: 'auth-x', role: 'viewer', counties: ['02'] }))).toBe('INVALID_PARAMETER');

    const user: TestUser = { username: secret.username, password: secret.password, role: 'regional', counties: ['02'] };
    const cookie = await signInCookie(app, user);
    const me = ((await (await whoAmI(cookie)).json()) as SessionAnswer).user;
    expect(me).toMatchObject({ role: 'regional', counties: ['02'], mustChangePassword: true });
    const blocked = await app.request('/api/layers', { headers: { Cookie: cookie } });
    expect(blocked.status).toBe(403);
    expect(await codes(blocked)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await codes(await send('PUT', '/api/session/password', cookie, { currentPassword: 'wrong', newPassword: 'a-new-long-password' }))).toBe('INVALID_CREDENTIALS');
    expect(await codes(await send('PUT', '/api/session/password', cookie, { currentPassword: secret.password, newPassword: 'short' }))).toBe('WEAK_PASSWORD');
    const changed = await send('PUT', '/api/session/password', cookie, { currentPassword: secret.password, newPassword: 'a-new-long-password' });
    expect(changed.status).toBe(200);
    expect((await app.request('/api/layers', { headers: { Cookie: cookie } })).status).toBe(200);

    expect((await send('PATCH', '/api/users/auth-new-regional', byAdmin, { counties: ['02', '03'] })).status).toBe(200);
    expect(((await (await whoAmI(cookie)).json()) as SessionAnswer).user.counties).toEqual(['02', '03']);
    expect((await send('PATCH', '/api/users/auth-new-regional', byAdmin, { role: 'viewer' })).status).toBe(200);
    expect(((await (await whoAmI(cookie)).json()) as SessionAnswer).user).toMatchObject({ role: 'viewer', counties: [] });

    const reset = (await (await send('POST', '/api/users/auth-new-regional/password', byAdmin)).json()) as OneTimePassword;
    expect((await whoAmI(cookie)).status).toBe(401);
    expect((await signIn('auth-new-regional', 'a-new-long-password', { address: '192.0.2.50' })).status).toBe(401);
    expect((await signIn('auth-new-regional', reset.password, { address: '192.0.2.50' })).status).toBe(200);

    const list = (await (await send('GET', '/api/users', byAdmin)).json()) as { users: UserSummary[] };
    expect(list.users.find((entry) => entry.username === 'auth-new-regional')).toMatchObject({ role: 'viewer', disabled: false, mustChangePassword: true });
    expect(await codes(await send('PATCH', `/api/users/${admin.username}`, byAdmin, { disabled: true }))).toBe('INVALID_PARAMETER');
    expect(await codes(await send('PATCH', '/api/users/auth-nobody', byAdmin, { disabled: true }))).toBe('USER_NOT_FOUND');
  });
});
