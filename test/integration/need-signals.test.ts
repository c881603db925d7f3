import { recordAudit, insertNeedSignal, type AuditPage, type NeedSignalList, type NeedSignalRecord } from '@terep/db';
import type { FeatureCollection } from 'geojson';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';

/** Bakonybánk, Komárom-Esztergom (county 11); Bükkmogyorósd, Borsod-Abaúj-Zemplén (county 05). */
const IN_SCOPE = '24244';
const OUT_OF_SCOPE = '19406';
const SIGNAL = { settlementCode: IN_SCOPE, category: 'food', urgency: 'high', households: 3, date: '2026-11-30', organisation: 'Teszt Egyesület' };

interface ErrorAnswer {
  error: { code: string; message: string; params?: Record<string, string | number> };
}

describe.each(engineCases())('need-signal intake and its audit trail on $name', ({ open }) => {
  const suite = apiSuite(open);
  const regional = suite.as('regional', ['11']);
  const otherRegional = suite.as('regional', ['05']);

  afterAll(async () => {
    // Hand-recorded signals have no import to roll back: the suite removes its own.
    await sql`DELETE FROM need_signal WHERE import_id IS NULL AND organisation LIKE 'Teszt%'`.execute(suite.engine.db);
  });

  const auditOf = async (id: number): Promise<AuditPage> => suite.send<AuditPage>('GET', `/api/audit?kind=need-signal&pageSize=500`)
    .then((page) => ({ ...page, entries: page.entries.filter((entry) => entry.objectId === String(id)) }));
  const layerFeature = async (code: string) => {
    const layer = await suite.as('viewer').send<FeatureCollection>('GET', '/api/layers/need-signals');
    return layer.features.find((feature) => feature.id === code);
  };

  it('records a signal in the regional user\'s county, audited, and the map sees it at once', async () => {
    const { id } = await regional.send<{ id: number }>('POST', '/api/need-signals', SIGNAL, 201);
    expect(id).toBeGreaterThan(0);
    expect((await layerFeature(IN_SCOPE))?.properties).toMatchObject({ households: null, householdsBelowThreshold: true, categories: ['food'], urgent: true });
    const { entries } = await auditOf(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ username: 'test-regional-11', action: 'create', objectKind: 'need-signal', before: null });
    expect(entries[0]!.after).toMatchObject({ id, settlementCode: IN_SCOPE, households: 3, organisation: 'Teszt Egyesület', recordedBy: 'test-regional-11' });
    await regional.send('DELETE', `/api/need-signals/${id}`);
  });

  it('refuses a regional user outside their counties (403 OUT_OF_SCOPE) and writes nothing', async () => {
    const before = await suite.send<AuditPage>('GET', '/api/audit?pageSize=1');
    const refused = await regional.send<ErrorAnswer>('POST', '/api/need-signals', { ...SIGNAL, settlementCode: OUT_OF_SCOPE }, 403);
    expect(refused.error.code).toBe('OUT_OF_SCOPE');
    expect((await suite.send<AuditPage>('GET', '/api/audit?pageSize=1')).total).toBe(before.total);
    expect(await layerFeature(OUT_OF_SCOPE)).toBeUndefined();

    const { id } = await regional.send<{ id: number }>('POST', '/api/need-signals', SIGNAL, 201);
    expect((await otherRegional.send<ErrorAnswer>('PATCH', `/api/need-signals/${id}`, { households: 9 }, 403)).error.code).toBe('OUT_OF_SCOPE');
    expect((await otherRegional.send<ErrorAnswer>('DELETE', `/api/need-signals/${id}`, undefined, 403)).error.code).toBe('OUT_OF_SCOPE');
    // Moving a signal out of one's counties is writing there.
    expect((await regional.send<ErrorAnswer>('PATCH', `/api/need-signals/${id}`, { settlementCode: OUT_OF_SCOPE }, 403)).error.code).toBe('OUT_OF_SCOPE');
    for (const role of ['viewer', 'planner', 'logistics'] as const) {
      expect((await suite.as(role).send<ErrorAnswer>('POST', '/api/need-signals', SIGNAL, 403)).error.code).toBe('FORBIDDEN');
    }
    // A file is held to the same scope: the row outside the counties is refused, by row.
    const form = new FormData();
    form.set('file', new File([utf8(`KSH kód;kategória;háztartások;dátum;szervezet\n${IN_SCOPE};élelmiszer;6;2026-11-01;Teszt\n${OUT_OF_SCOPE};élelmiszer;6;2026-11-01;Teszt\n`)], 'jelzes.csv'));
    form.set('dryRun', 'false');
    const upload = await (await regional.request('/api/imports/need-signals', { method: 'POST', body: form })).json() as { status: string; report: { problems: { code: string; row: number }[] } };
    expect(upload.status).toBe('rejected');
    expect(upload.report.problems.map((problem) => [problem.code, problem.row])).toEqual([['OUT_OF_SCOPE', 3]]);
    expect(await layerFeature(OUT_OF_SCOPE)).toBeUndefined();
    // The admin may write anywhere.
    const { id: elsewhere } = await suite.send<{ id: number }>('POST', '/api/need-signals', { ...SIGNAL, settlementCode: OUT_OF_SCOPE }, 201);
    await suite.send('DELETE', `/api/need-signals/${elsewhere}`);
    await regional.send('DELETE', `/api/need-signals/${id}`);
  });

  it('shows raw rows to admins and to regional users of that county only', async () => {
    const { id } = await regional.send<{ id: number }>('POST', '/api/need-signals', SIGNAL, 201);
    const own = await regional.send<NeedSignalList>('GET', '/api/need-signals');
    expect(own.signals.find((signal) => signal.id === id)).toMatchObject({ settlementCode: IN_SCOPE, countyCode: '11', organisation: 'Teszt Egyesület', date: '2026-11-30' });
    expect(own.signals.every((signal) => signal.countyCode === '11')).toBe(true);
    expect((await otherRegional.send<NeedSignalList>('GET', '/api/need-signals')).signals.some((signal) => signal.id === id)).toBe(false);
    expect((await otherRegional.send<ErrorAnswer>('GET', '/api/need-signals?county=11', undefined, 403)).error.code).toBe('OUT_OF_SCOPE');
    expect((await suite.send<NeedSignalList>('GET', '/api/need-signals?county=11')).signals.some((signal) => signal.id === id)).toBe(true);
    for (const role of ['viewer', 'planner', 'logistics'] as const) {
      expect((await suite.as(role).send<ErrorAnswer>('GET', '/api/need-signals', undefined, 403)).error.code).toBe('FORBIDDEN');
    }
    await regional.send('DELETE', `/api/need-signals/${id}`);
  });

  it('checks a form like a file: the import\'s problem codes, with the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ settlementCode: '99999' }, 'UNKNOWN_KSH_CODE', 'settlementCode'],
      [{ settlementCode: '' }, 'NO_LOCATION', 'settlementCode'],
      [{ date: '2026-02-30' }, 'INVALID_DATE', 'date'],
      [{ category: 'zene' }, 'UNKNOWN_VALUE', 'category'],
      [{ households: -2 }, 'INVALID_NUMBER', 'households'],
      [{ households: '2,5' }, 'INVALID_NUMBER', 'households'],
      [{ households: null, persons: null }, 'VALUE_MISSING', 'households'],
      [{ organisation: '' }, 'VALUE_MISSING', 'organisation'],
    ];
    for (const [change, code, field] of cases) {
      const answer = await regional.send<ErrorAnswer>('POST', '/api/need-signals', { ...SIGNAL, ...change }, 400);
      expect(answer.error, JSON.stringify(change)).toMatchObject({ code, params: { field } });
      expect(answer.error.params?.hu).toBeTruthy();
    }
    // The same row in a file gets the same verdict from the import.
    const form = new FormData();
    form.set('file', new File([utf8('KSH kód;kategória;háztartások;dátum;szervezet\n24244;élelmiszer;3;2026-02-30;Teszt\n')], 'jelzes.csv'));
    const report = await (await suite.request('/api/imports/need-signals', { method: 'POST', body: form })).json() as { report: { problems: { code: string }[] } };
    expect(report.report.problems.map((problem) => problem.code)).toEqual(['INVALID_DATE']);
    // Only the import's fields: nothing else (a name, an address) rides in.
    const named = await regional.send<ErrorAnswer>('POST', '/api/need-signals', { ...SIGNAL, name: 'Kovács János' }, 400);
    expect(named.error.code).toBe('INVALID_PARAMETER');
    expect(named.error.message).toContain('name');
    // Hungarian spellings are accepted as in a file.
    const { id } = await regional.send<{ id: number }>('POST', '/api/need-signals', { ...SIGNAL, category: 'fűtés', urgency: 'kritikus', households: '7', date: '2026.11.29.' }, 201);
    const [stored] = (await regional.send<NeedSignalList>('GET', '/api/need-signals')).signals.filter((signal) => signal.id === id);
    expect(stored).toMatchObject({ category: 'heating', urgency: 'critical', households: 7, date: '2026-11-29' });
    await regional.send('DELETE', `/api/need-signals/${id}`);
  });

  it('edits with before and after in the trail, and a withdrawn signal stays in history but leaves the map', async () => {
    const { id } = await regional.send<{ id: number }>('POST', '/api/need-signals', { ...SIGNAL, households: 12 }, 201);
    const edited = await regional.send<NeedSignalRecord>('PATCH', `/api/need-signals/${id}`, { households: 14, urgency: 'low' });
    expect(edited).toMatchObject({ households: 14, urgency: 'low', category: 'food' });
    expect(edited.updatedAt).not.toBeNull();
    expect((await layerFeature(IN_SCOPE))?.properties).toMatchObject({ households: 14 });

    const withdrawn = await regional.send<NeedSignalRecord>('DELETE', `/api/need-signals/${id}`);
    expect(withdrawn).toMatchObject({ id, withdrawnBy: 'test-regional-11' });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(await layerFeature(IN_SCOPE)).toBeUndefined();
    expect((await regional.send<NeedSignalList>('GET', '/api/need-signals')).signals.some((signal) => signal.id === id)).toBe(false);
    const history = await regional.send<NeedSignalList>('GET', '/api/need-signals?includeWithdrawn=true');
    expect(history.signals.find((signal) => signal.id === id)).toMatchObject({ households: 14, withdrawnBy: 'test-regional-11' });
    expect((await regional.send<ErrorAnswer>('DELETE', `/api/need-signals/${id}`, undefined, 409)).error.code).toBe('NEED_SIGNAL_WITHDRAWN');
    expect((await regional.send<ErrorAnswer>('PATCH', `/api/need-signals/${id}`, { households: 1 }, 409)).error.code).toBe('NEED_SIGNAL_WITHDRAWN');
    expect((await regional.send<ErrorAnswer>('PATCH', '/api/need-signals/999999', { households: 1 }, 404)).error.code).toBe('NEED_SIGNAL_NOT_FOUND');

    const { entries } = await auditOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(['withdraw', 'update', 'create']);
    expect(entries[1]!.before).toMatchObject({ households: 12, urgency: 'high' });
    expect(entries[1]!.after).toMatchObject({ households: 14, urgency: 'low' });
    expect(entries[0]!.after).toMatchObject({ withdrawnBy: 'test-regional-11' });
  });

  it('writes the audit entry in the write\'s own transaction: a failed write leaves neither', async () => {
    const db = suite.engine.db;
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE username = 'transaction-test'`.execute(db)).rows[0]!.n;
    const signals = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM need_signal WHERE organisation = 'Teszt tranzakció'`.execute(db)).rows[0]!.n;
    const actor = { userId: null, username: 'transaction-test' };
    await expect(db.transaction().execute(async (trx) => {
      const id = await insertNeedSignal(trx, { ...SIGNAL, category: 'food', urgency: 'high', persons: null, organisation: 'Teszt tranzakció' }, actor);
      await recordAudit(trx, { actor, action: 'create', objectKind: 'need-signal', objectId: id, before: null, after: { id } });
      // The write fails after its entry was written: a settlement that does not exist.
      await sql`UPDATE need_signal SET settlement_code = '99999' WHERE id = ${id}`.execute(trx);
    })).rejects.toThrow();
    expect(await count()).toBe(0);
    expect(await signals()).toBe(0);
  });

  it('audits settings, imports and rollbacks, and need indices with who and before/after', async () => {
    const settings = await suite.send<{ detourFactor: number }>('GET', '/api/settings');
    await suite.send('PUT', '/api/settings', { detourFactor: 1.4 });
    await suite.send('PUT', '/api/settings', { detourFactor: settings.detourFactor });
    const [restore, change] = (await suite.send<AuditPage>('GET', '/api/audit?kind=settings&pageSize=2')).entries;
    expect(change).toMatchObject({ username: 'test-admin', action: 'update', before: { detourFactor: settings.detourFactor }, after: { detourFactor: 1.4 } });
    expect(restore).toMatchObject({ before: { detourFactor: 1.4 }, after: { detourFactor: settings.detourFactor } });

    const form = new FormData();
    form.set('file', new File([utf8('KSH kód;kategória;háztartások;dátum;szervezet\n24244;élelmiszer;6;2026-11-01;Teszt import\n')], 'jelzes.csv'));
    form.set('dryRun', 'false');
    const imported = await (await suite.request('/api/imports/need-signals', { method: 'POST', body: form })).json() as { importId: number };
    // The form left "importedBy" empty: the import log names the signed-in user, as the trail does.
    const runs = await suite.send<{ imports: { id: number; importedBy: string }[] }>('GET', '/api/imports');
    expect(runs.imports.find((run) => run.id === imported.importId)).toMatchObject({ importedBy: 'test-admin' });
    await suite.send('DELETE', `/api/imports/${imported.importId}`);
    const imports = (await suite.send<AuditPage>('GET', '/api/audit?kind=import&user=test-admin&pageSize=2')).entries;
    expect(imports.map((entry) => [entry.action, entry.objectId])).toEqual([['rollback', String(imported.importId)], ['import', String(imported.importId)]]);
    expect(imports[0]).toMatchObject({ before: { status: 'active' }, after: { status: 'rolled-back', removed: 1 } });
    expect(imports[1]).toMatchObject({ after: { kind: 'need-signals', fileName: 'jelzes.csv', importedCount: 1 } });

    const index = await suite.send<{ key: string }>('POST', '/api/need-indices', { name: 'Teszt napló index', components: [{ indicatorKey: 'dev_index_290_2014', weight: 1 }] }, 201);
    await suite.send('DELETE', `/api/need-indices/${index.key}`);
    const indices = (await suite.send<AuditPage>('GET', '/api/audit?kind=need-index&pageSize=2')).entries;
    expect(indices.map((entry) => [entry.action, entry.objectId])).toEqual([['delete', index.key], ['create', index.key]]);

    // Users: added, rescoped, disabled, password reset; never a password or its hash.
    const username = 'audit-test-user';
    await sql`DELETE FROM app_user WHERE username = ${username}`.execute(suite.engine.db);
    // The trail outlives the user: only this run's entries count.
    const mark = (await suite.send<AuditPage>('GET', '/api/audit?pageSize=1')).entries[0]?.id ?? 0;
    const { password } = await suite.send<{ password: string }>('POST', '/api/users', { username, role: 'regional', counties: ['11'] }, 201);
    await suite.send('PATCH', `/api/users/${username}`, { counties: ['11', '05'] });
    await suite.send('PATCH', `/api/users/${username}`, { disabled: true });
    const reset = await suite.send<{ password: string }>('POST', `/api/users/${username}/password`);
    const users = (await suite.send<AuditPage>('GET', '/api/audit?kind=user&pageSize=20')).entries.filter((entry) => entry.objectId === username && entry.id > mark);
    expect(users.map((entry) => entry.action)).toEqual(['password-reset', 'disable', 'rescope', 'create']);
    expect(users[2]).toMatchObject({ username: 'test-admin', before: { counties: ['11'] }, after: { counties: ['05', '11'] } });
    expect(users[1]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    const trail = JSON.stringify(users);
    expect(trail).not.toContain(password);
    expect(trail).not.toContain(reset.password);
    expect(trail).not.toMatch(/argon2|hash/i);
  });

  it('filters and pages the trail for admins only, and exports it for Hungarian Excel', async () => {
    const { id } = await regional.send<{ id: number }>('POST', '/api/need-signals', SIGNAL, 201);
    await regional.send('DELETE', `/api/need-signals/${id}`);
    const today = new Date().toISOString().slice(0, 10);
    const page = await suite.send<AuditPage>('GET', `/api/audit?user=test-regional-11&kind=need-signal&from=${today}&to=${today}&pageSize=1&page=2`);
    expect(page).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.entries[0]).toMatchObject({ username: 'test-regional-11', objectKind: 'need-signal' });
    expect((await suite.send<AuditPage>('GET', '/api/audit?to=2000-01-01')).total).toBe(0);
    expect((await suite.send<ErrorAnswer>('GET', '/api/audit?kind=secrets', undefined, 400)).error.code).toBe('INVALID_PARAMETER');
    expect((await suite.send<ErrorAnswer>('GET', '/api/audit?from=yesterday', undefined, 400)).error.code).toBe('INVALID_PARAMETER');
    for (const role of ['regional', 'planner', 'viewer'] as const) {
      expect((await suite.as(role, role === 'regional' ? ['11'] : []).send<ErrorAnswer>('GET', '/api/audit', undefined, 403)).error.code).toBe('FORBIDDEN');
    }
    const csv = await suite.request(`/api/audit.csv?kind=need-signal&user=test-regional-11`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Időpont (Budapest);Időpont (UTC);Felhasználó;Felhasználó azonosító;Művelet;Objektum;Objektum azonosító;Előtte;Utána');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};[^;]+;test-regional-11;\d+;visszavonás;szükségletjelzés;\d+;"\{/);
  });
});
