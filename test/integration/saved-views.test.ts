import { createApi } from '@terep/api';
import { ROUTE_RULES, SHARE_COOKIE, SHARE_READS } from '@terep/api/auth';
import type { AuditObjectKind, AuditPage, NewShareLink, SavedView, SharedContent, ShareLink, Story, StorySummary } from '@terep/db';
import type { FeatureCollection } from 'geojson';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';

/*
 * Saved views, stories and read-only share links (issue 13): authors keep their own, viewers
 * read, and a `/v/TOKEN` link reads the map's data without an account, as a viewer would, until
 * it is revoked or expires.
 */

/** Bakonybánk (county 11), 3 signalled households in this suite: a viewer sees "<5". */
const SETTLEMENT = '24244';
const ORGANISATION = 'Teszt megosztás';
const DAY_MS = 86_400_000;

const VIEW = { title: 'Népességváltozás járásonként', note: 'A fogyó járások keleten.', page: '/', query: 'level=district&indicator=population_change_2011_2024&lon=19.5&lat=47.2&z=7' };

describe.each(engineCases())('saved views, stories and share links on $name', ({ open }) => {
  const suite = apiSuite(open);
  const planner = suite.as('planner');
  const viewer = suite.as('viewer');

  afterAll(async () => {
    await sql`DELETE FROM share_link`.execute(suite.engine.db);
    await sql`DELETE FROM story`.execute(suite.engine.db);
    await sql`DELETE FROM saved_view`.execute(suite.engine.db);
    await sql`DELETE FROM need_signal WHERE import_id IS NULL AND organisation = ${ORGANISATION}`.execute(suite.engine.db);
  });

  /** The audit trail of one object, newest first: [action, username]. */
  const trailOf = async (kind: AuditObjectKind, id: number) =>
    (await suite.send<AuditPage>('GET', `/api/audit?kind=${kind}&pageSize=100`)).entries
      .filter((entry) => entry.objectId === String(id)).map((entry) => [entry.action, entry.username]);

  /** A request without any session, with a share link's cookie. */
  const asShare = (token: string, path: string, init: RequestInit = {}) =>
    suite.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: `${SHARE_COOKIE}=${token}` } });

  it('saves a view with its author and date, lists it, lets its author change it and refuses others', async () => {
    const view = await planner.send<SavedView>('POST', '/api/views', { ...VIEW, query: `?${VIEW.query}` }, 201);
    expect(view).toMatchObject({ ...VIEW, author: 'test-planner' });
    expect(view.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await viewer.send<{ views: SavedView[] }>('GET', '/api/views')).views.map((entry) => entry.id)).toContain(view.id);
    expect(await viewer.send<SavedView>('GET', `/api/views/${view.id}`)).toEqual(view);

    // A viewer may not save; another author may not change it; its author and an admin may.
    expect((await viewer.send<{ error: { code: string } }>('POST', '/api/views', VIEW, 403)).error.code).toBe('FORBIDDEN');
    expect((await suite.as('logistics').send<{ error: { code: string } }>('PATCH', `/api/views/${view.id}`, { title: 'Más' }, 403)).error.code).toBe('NOT_OWNER');
    expect(await planner.send<SavedView>('PATCH', `/api/views/${view.id}`, { note: 'Új megjegyzés' })).toMatchObject({ title: VIEW.title, note: 'Új megjegyzés' });
    expect(await suite.send<SavedView>('PATCH', `/api/views/${view.id}`, { title: 'Admin címe' })).toMatchObject({ title: 'Admin címe' });

    // Bad input is refused by field.
    const bad = await planner.send<{ error: { code: string; params: { field: string } } }>('POST', '/api/views', { ...VIEW, page: '/import' }, 400);
    expect(bad.error).toMatchObject({ code: 'INVALID_PARAMETER', params: { field: 'page' } });
    expect((await planner.send<{ error: { code: string } }>('GET', '/api/views/999999', undefined, 404)).error.code).toBe('VIEW_NOT_FOUND');

    expect(await planner.send('DELETE', `/api/views/${view.id}`)).toEqual({ id: view.id, deleted: true });
    expect((await planner.send<{ error: { code: string } }>('GET', `/api/views/${view.id}`, undefined, 404)).error.code).toBe('VIEW_NOT_FOUND');
    expect(await trailOf('view', view.id)).toEqual([['delete', 'test-planner'], ['update', 'test-admin'], ['update', 'test-planner'], ['create', 'test-planner']]);
  });

  it('keeps a story as an ordered list of views; deleting a view takes it out of the story', async () => {
    const views: SavedView[] = [];
    for (const [index, indicator] of ['population', 'population_change_2011_2024', 'population_density'].entries()) {
      views.push(await planner.send<SavedView>('POST', '/api/views', { title: `Nézet ${index + 1}`, page: '/', query: `indicator=${indicator}` }, 201));
    }
    const order = [views[2]!.id, views[0]!.id, views[1]!.id];
    const story = await planner.send<Story>('POST', '/api/stories', { title: 'Történet', note: 'Három nézet', viewIds: order }, 201);
    expect(story.viewIds).toEqual(order);
    expect(story.views.map((view) => view.title)).toEqual(['Nézet 3', 'Nézet 1', 'Nézet 2']);
    expect((await viewer.send<{ stories: StorySummary[] }>('GET', '/api/stories')).stories.find((entry) => entry.id === story.id)?.viewIds).toEqual(order);

    const unknown = await planner.send<{ error: { code: string; params: { id: number } } }>('POST', '/api/stories', { title: 'Rossz', viewIds: [999999] }, 404);
    expect(unknown.error).toMatchObject({ code: 'VIEW_NOT_FOUND', params: { id: 999999 } });

    const reordered = await planner.send<Story>('PATCH', `/api/stories/${story.id}`, { viewIds: [views[0]!.id, views[2]!.id] });
    expect(reordered.views.map((view) => view.title)).toEqual(['Nézet 1', 'Nézet 3']);
    await planner.send('DELETE', `/api/views/${views[0]!.id}`);
    expect((await viewer.send<Story>('GET', `/api/stories/${story.id}`)).viewIds).toEqual([views[2]!.id]);
    expect((await suite.as('regional', ['11']).send<{ error: { code: string } }>('DELETE', `/api/stories/${story.id}`, undefined, 403)).error.code).toBe('NOT_OWNER');
    expect(await planner.send('DELETE', `/api/stories/${story.id}`)).toEqual({ id: story.id, deleted: true });
    expect(await trailOf('story', story.id)).toEqual([['delete', 'test-planner'], ['update', 'test-planner'], ['create', 'test-planner']]);
  });

  it('opens a shared view without an account, reads only what a viewer may see, and stops at revocation', async () => {
    await suite.as('regional', ['11']).send('POST', '/api/need-signals', {
      settlementCode: SETTLEMENT, category: 'food', urgency: 'high', households: 3, date: '2026-12-01', organisation: ORGANISATION,
    }, 201);
    const view = await planner.send<SavedView>('POST', '/api/views', { title: 'Jelzések', page: '/', query: 'layers=need-signals' }, 201);
    expect((await suite.as('logistics').send<{ error: { code: string } }>('POST', '/api/shares', { viewId: view.id }, 403)).error.code).toBe('NOT_OWNER');
    const created = await planner.send<NewShareLink>('POST', '/api/shares', { viewId: view.id, expiresInDays: 7 }, 201);
    expect(created.path).toBe(`/v/${created.token}`);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.share).toMatchObject({ kind: 'view', targetId: view.id, title: 'Jelzések', createdBy: 'test-planner', revokedAt: null });
    // Only the token's hash is stored.
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM share_link WHERE id = ${created.share.id}`.execute(suite.engine.db);
    expect(stored.rows[0]!.token_hash).not.toContain(created.token);

    // Opening the link needs no account and sets the share cookie.
    const opened = await suite.app.request(`/api/shared/${created.token}`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as SharedContent)).toMatchObject({ kind: 'view', view: { id: view.id, query: 'layers=need-signals' } });
    const cookie = opened.headers.getSetCookie().find((value) => value.startsWith(`${SHARE_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api/);

    // With it, the map's data reads as a viewer's: small counts withheld.
    const layer = await asShare(created.token, '/api/layers/need-signals');
    expect(layer.status).toBe(200);
    const features = ((await layer.json()) as FeatureCollection).features;
    expect(features.find((feature) => feature.id === SETTLEMENT)?.properties).toMatchObject({ households: null, householdsBelowThreshold: true });
    expect((await asShare(created.token, '/api/indicators')).status).toBe(200);
    // Raw signal rows, the session, saved views and every write stay closed.
    for (const [method, path] of [['GET', '/api/need-signals'], ['GET', '/api/session'], ['GET', '/api/views'], ['GET', '/api/imports'], ['POST', '/api/views'], ['DELETE', `/api/views/${view.id}`], ['PUT', '/api/settings']] as const) {
      const response = await asShare(created.token, path, { method, headers: { 'Content-Type': 'application/json' }, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }) });
      expect({ path: `${method} ${path}`, status: response.status }).toEqual({ path: `${method} ${path}`, status: 401 });
    }
    expect(await viewer.send<SavedView>('GET', `/api/views/${view.id}`)).toMatchObject({ title: 'Jelzések' });

    // Listed for its author, not for another; revoked by its author: 410, and the cookie reads nothing more.
    expect((await planner.send<{ shares: ShareLink[] }>('GET', '/api/shares')).shares.map((share) => share.id)).toContain(created.share.id);
    expect((await suite.as('logistics').send<{ shares: ShareLink[] }>('GET', '/api/shares')).shares.map((share) => share.id)).not.toContain(created.share.id);
    const revoked = await planner.send<ShareLink>('DELETE', `/api/shares/${created.share.id}`);
    expect(revoked.revokedAt).not.toBeNull();
    const gone = await suite.app.request(`/api/shared/${created.token}`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('SHARE_REVOKED');
    expect((await asShare(created.token, '/api/indicators')).status).toBe(401);

    // Who made and revoked the link is on the audit trail; the token is not.
    expect(await trailOf('share-link', created.share.id)).toEqual([['revoke', 'test-planner'], ['create', 'test-planner']]);
    const trail = (await suite.send<AuditPage>('GET', '/api/audit?kind=share-link&pageSize=50')).entries;
    expect(JSON.stringify(trail)).not.toContain(created.token);
    expect(trail.find((entry) => entry.objectId === String(created.share.id))!.after).toMatchObject({ id: created.share.id, revokedAt: revoked.revokedAt });

    // A token that never existed (or is malformed) is 404.
    for (const token of ['x'.repeat(43), 'short']) {
      const missing = await suite.app.request(`/api/shared/${token}`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('SHARE_NOT_FOUND');
      expect((await asShare(token, '/api/indicators')).status).toBe(401);
    }
  });

  it('shares a story, which expires after its days', async () => {
    const first = await planner.send<SavedView>('POST', '/api/views', { title: 'Első', page: '/', query: 'level=county' }, 201);
    const second = await planner.send<SavedView>('POST', '/api/views', { title: 'Második', page: '/analysis', query: 'tab=coverage' }, 201);
    const story = await planner.send<Story>('POST', '/api/stories', { title: 'Bemutató', viewIds: [first.id, second.id] }, 201);
    const created = await planner.send<NewShareLink>('POST', '/api/shares', { storyId: story.id, expiresInDays: 2 }, 201);
    const opened = (await (await suite.app.request(`/api/shared/${created.token}`)).json()) as SharedContent;
    expect(opened.kind === 'story' && opened.story.views.map((view) => view.title)).toEqual(['Első', 'Második']);

    // The same database three days later: expired, for the page and for its data reads alike.
    const later = createApi({ engine: suite.engine, auth: { now: () => new Date(Date.now() + 3 * DAY_MS) } });
    const expired = await later.request(`/api/shared/${created.token}`);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('SHARE_EXPIRED');
    expect((await later.request('/api/indicators', { headers: { cookie: `${SHARE_COOKIE}=${created.token}` } })).status).toBe(401);
    const tomorrow = createApi({ engine: suite.engine, auth: { now: () => new Date(Date.now() + DAY_MS) } });
    expect((await tomorrow.request('/api/indicators', { headers: { cookie: `${SHARE_COOKIE}=${created.token}` } })).status).toBe(200);
  });

  it('refuses to share a logistics view (saved route plans are not for viewers) and a too long expiry', async () => {
    const view = await planner.send<SavedView>('POST', '/api/views', { title: 'Útvonal', page: '/logistics', query: 'scenario=1' }, 201);
    const refused = await planner.send<{ error: { code: string; params: { reason: string } } }>('POST', '/api/shares', { viewId: view.id }, 400);
    expect(refused.error).toMatchObject({ code: 'INVALID_PARAMETER', params: { reason: 'page-not-shareable' } });
    const other = await planner.send<SavedView>('POST', '/api/views', { title: 'Térkép', page: '/', query: '' }, 201);
    expect((await planner.send<{ error: { code: string } }>('POST', '/api/shares', { viewId: other.id, expiresInDays: 1000 }, 400)).error.code).toBe('INVALID_PARAMETER');
  });

  it('lists only GET routes open to viewers as share reads', () => {
    for (const key of SHARE_READS) {
      const access = ROUTE_RULES[key];
      expect(key.startsWith('GET '), key).toBe(true);
      expect(access !== undefined && access !== 'public' && access.includes('viewer'), key).toBe(true);
    }
  });
});
