import type { ImportOutcome } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { apiSuite, type Sender } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';

const HEADER = 'KSH kód;kategória;háztartások;személyek;dátum;szervezet\n';
/** Komló is in Baranya (02), Székesfehérvár in Fejér (07). */
const KOMLO = '26408;élelmiszer;12;30;2025-11-01;Teszt\n';
const SZEKESFEHERVAR = '14827;fűtés;8;20;2025-11-02;Teszt\n';

async function importSignals(sender: Sender, csv: string, policy = 'all-or-nothing'): Promise<{ status: number; outcome: ImportOutcome }> {
  const form = new FormData();
  form.set('file', new File([utf8(HEADER + csv)], 'jelzesek.csv'));
  form.set('dryRun', 'false');
  form.set('policy', policy);
  const response = await sender.request('/api/imports/need-signals', { method: 'POST', body: form });
  return { status: response.status, outcome: (await response.json()) as ImportOutcome };
}

describe.each(engineCases())('a regional user acts in their counties only, on $name', ({ open }) => {
  const suite = apiSuite(open);

  it('imports need signals in their counties and gets a row error for a settlement elsewhere', async () => {
    const baranya = suite.as('regional', ['02']);
    const mixed = await importSignals(baranya, KOMLO + SZEKESFEHERVAR);
    expect(mixed.outcome.status).toBe('rejected');
    const outside = mixed.outcome.report.problems.filter((problem) => problem.code === 'OUT_OF_SCOPE');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ severity: 'error', row: 3 });
    expect(outside[0]!.message.hu).toContain('Székesfehérvár (Fejér) az Ön megyéin kívül esik');

    const partial = await importSignals(baranya, KOMLO + SZEKESFEHERVAR, 'skip-invalid');
    expect(partial.status).toBe(201);
    expect(partial.outcome.written).toBe(1);
    // Their own import they may roll back.
    await baranya.send('DELETE', `/api/imports/${partial.outcome.importId}`);
  });

  it('cannot roll back an import outside their counties, nor kinds their role does not import', async () => {
    const fejer = await importSignals(suite, SZEKESFEHERVAR);
    expect(fejer.status).toBe(201);
    try {
      const refused = await suite.as('regional', ['02']).send<{ error: { code: string } }>('DELETE', `/api/imports/${fejer.outcome.importId}`, undefined, 403);
      expect(refused.error.code).toBe('OUT_OF_SCOPE');
      const planner = await suite.as('planner').send<{ error: { code: string } }>('DELETE', `/api/imports/${fejer.outcome.importId}`, undefined, 403);
      expect(planner.error.code).toBe('FORBIDDEN');
      expect((await suite.as('regional', ['07']).send<{ removed: number }>('DELETE', `/api/imports/${fejer.outcome.importId}`)).removed).toBe(1);
    } finally {
      await suite.request(`/api/imports/${fejer.outcome.importId}`, { method: 'DELETE' });
    }
    const form = new FormData();
    form.set('file', new File([utf8('név;típus;KSH kód\n')], 'intezmenyek.csv'));
    const institutions = await suite.as('regional', ['02']).request('/api/imports/institutions', { method: 'POST', body: form });
    expect(institutions.status).toBe(403);
  });
});
