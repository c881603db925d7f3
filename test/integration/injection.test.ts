import { countOrganisationData, summariseDatabase, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';

/** What an attacker types into every field: SQL fragments and markup that runs script when rendered unescaped. */
export const INJECTIONS = ["'; DROP TABLE settlement; --", "' OR 1=1 --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const;
const TAG = 'Teszt injekció';

type ErrorAnswer = { error: { code: string } };

/** Row counts of the reference data and the organisation data, and the accounts: an injection would change one. */
async function counts(engine: Engine) {
  const { rows } = await sql<{ users: number }>`SELECT count(*)::int AS users FROM app_user`.execute(engine.db);
  return { ...(await summariseDatabase(engine.db)), organisation: await countOrganisationData(engine.db), users: rows[0]!.users };
}

describe.each(engineCases())('SQL fragments and script tags through every door on $name', ({ open }) => {
  const suite = apiSuite(open);
  let before: Awaited<ReturnType<typeof counts>> | undefined;
  const query = (value: string) => encodeURIComponent(value);

  afterAll(async () => {
    await sql`DELETE FROM need_signal WHERE import_id IS NULL AND organisation LIKE ${`%${TAG}%`}`.execute(suite.engine.db);
  });

  it('reads search terms and filters as values: no rows leak, no error but a 400', async () => {
    before = await counts(suite.engine);
    for (const payload of INJECTIONS) {
      const search = await suite.send<{ results: unknown[] }>('GET', `/api/search?q=${query(payload)}`);
      expect(search.results, payload).toEqual([]);
      for (const path of [`/api/layers/institutions?type=${query(payload)}`, `/api/coverage?type=${query(payload)}&reachKm=5`, `/api/heatmap/h3?resolution=${query(payload)}`, `/api/indicators/${query(payload)}`]) {
        const response = await suite.request(path);
        expect([400, 404], `${path}: ${response.status}`).toContain(response.status);
        expect(((await response.json()) as ErrorAnswer).error.code).toMatch(/^[A-Z_]+$/);
      }
      const audit = await suite.send<{ total: number }>('GET', `/api/audit?user=${query(payload)}`);
      expect(audit.total).toBe(0);
    }
  });

  it('keeps names and signal fields verbatim: need indices, plans, signals; usernames are refused', async () => {
    for (const payload of INJECTIONS) {
      const index = await suite.send<{ key: string }>('POST', '/api/need-indices', { name: payload, components: [{ indicatorKey: 'dev_index_290_2014', weight: 1 }] }, 201);
      try {
        const { indices } = await suite.send<{ indices: { key: string; name: string }[] }>('GET', '/api/need-indices');
        expect(indices.find((entry) => entry.key === index.key)?.name).toBe(payload);
      } finally {
        await suite.send('DELETE', `/api/need-indices/${index.key}`);
      }

      const signal = { settlementCode: '24244', category: 'food', urgency: 'high', households: 6, date: '2026-12-01', organisation: `${TAG} ${payload}` };
      const { id } = await suite.send<{ id: number }>('POST', '/api/need-signals', signal, 201);
      const { signals } = await suite.send<{ signals: { id: number; organisation: string }[] }>('GET', '/api/need-signals');
      expect(signals.find((entry) => entry.id === id)?.organisation).toBe(signal.organisation);

      const refused = await suite.send<ErrorAnswer>('POST', '/api/users', { username: payload, role: 'viewer' }, 400);
      expect(refused.error.code).toMatch(/^[A-Z_]+$/);
    }
    const { id: planId } = await suite.send<{ id: number }>('POST', '/api/plans', {
      name: INJECTIONS[0], model: 'mclp', serviceType: 'elderly-day-care', county: '11', p: 1, reachKm: 10, method: 'exact', weight: { kind: 'population' },
    }, 202);
    try {
      const { plans } = await suite.send<{ plans: { id: number; name: string }[] }>('GET', '/api/plans');
      expect(plans.find((plan) => plan.id === planId)?.name).toBe(INJECTIONS[0]);
    } finally {
      await suite.send('DELETE', `/api/plans/${planId}`);
    }
  });

  it('imports a file whose name column and file name hold them as plain names, and rolls it back', async () => {
    const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
    const csv = ['név;típus;lon;lat;férőhely', ...INJECTIONS.map((payload, index) => `${quoted(payload)};Idősek klubja;${(18.9 + index * 0.01).toFixed(2)};47.5;20`)].join('\n');
    const form = new FormData();
    form.set('file', new File([utf8(csv)], `${INJECTIONS[3]}.csv`));
    form.set('dryRun', 'false');
    form.set('importedBy', INJECTIONS[2]);
    const response = await suite.request('/api/imports/institutions', { method: 'POST', body: form });
    const outcome = (await response.json()) as { importId: number; written: number };
    expect(response.status, JSON.stringify(outcome)).toBe(201);
    try {
      const { rows } = await sql<{ name: string }>`SELECT name FROM institution WHERE import_id = ${outcome.importId} ORDER BY name`.execute(suite.engine.db);
      expect(rows.map((row) => row.name)).toEqual([...INJECTIONS].sort());
      const { imports } = await suite.send<{ imports: { id: number; fileName: string; importedBy: string }[] }>('GET', '/api/imports');
      expect(imports.find((run) => run.id === outcome.importId)).toMatchObject({ fileName: `${INJECTIONS[3]}.csv`, importedBy: INJECTIONS[2] });
    } finally {
      await suite.send('DELETE', `/api/imports/${outcome.importId}`);
    }
  });

  it('leaves the data as it was: every table still there with its rows', async () => {
    await sql`DELETE FROM need_signal WHERE import_id IS NULL AND organisation LIKE ${`%${TAG}%`}`.execute(suite.engine.db);
    const after = await counts(suite.engine);
    // Import runs stay in the history after a rollback, by design.
    expect({ ...after, organisation: { ...after.organisation, import_run: 0 } }).toEqual({ ...before, organisation: { ...before!.organisation, import_run: 0 } });
    expect(after.counts.settlement).toBeGreaterThan(3000);
  });
});
