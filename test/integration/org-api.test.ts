import { createApi } from '@terep/api';
import type { Engine } from '@terep/db';
import type { FeatureCollection, Point } from 'geojson';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { INSTITUTIONS_EOV_CSV, utf8, windows1250 } from '../src/org-fixtures.ts';
import { signedIn, type Client } from '../src/test-users.ts';

describe.each(engineCases())('organisation data through the API on $name', ({ open }) => {
  let engine: Engine;
  let app: Client;

  beforeAll(async () => {
    engine = await open();
    app = await signedIn(engine, createApi({ engine, maxImportBytes: 4096 }));
  });
  afterAll(async () => engine?.close());

  function upload(kind: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.set('file', new File([bytes], name));
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return app.request(`/api/imports/${kind}`, { method: 'POST', body: form });
  }

  it('validates an upload without writing, then imports it, serves it as a layer and rolls it back', async () => {
    const bytes = windows1250(INSTITUTIONS_EOV_CSV);
    const dry = await upload('institutions', 'intezmenyek.csv', bytes);
    expect(dry.status).toBe(200);
    const dryBody = (await dry.json()) as { status: string; report: { validRows: number; encoding: string } };
    expect(dryBody).toMatchObject({ status: 'validated', report: { validRows: 3, encoding: 'windows-1250' } });

    const real = await upload('institutions', 'intezmenyek.csv', bytes, { dryRun: 'false', importedBy: 'Teszt Elek' });
    expect(real.status).toBe(201);
    const { importId } = (await real.json()) as { importId: number };

    const layer = (await (await app.request('/api/layers/institutions?type=social-kitchen')).json()) as FeatureCollection<Point>;
    const mine = layer.features.filter((feature) => feature.properties?.importId === importId);
    expect(mine.map((feature) => feature.properties?.settlementName)).toEqual(['Cigánd']);
    expect(mine[0]!.properties?.typeName).toEqual({ hu: 'Szociális konyha / étkeztetés', en: 'Social kitchen' });

    const list = (await (await app.request('/api/imports')).json()) as { imports: { id: number; importedBy: string }[] };
    expect(list.imports.find((run) => run.id === importId)).toMatchObject({ importedBy: 'Teszt Elek' });

    const rollback = await app.request(`/api/imports/${importId}`, { method: 'DELETE' });
    expect(await rollback.json()).toEqual({ id: importId, removed: 3 });
    const again = await app.request(`/api/imports/${importId}`, { method: 'DELETE' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('IMPORT_ALREADY_ROLLED_BACK');
  });

  it('never sends need-signal counts below 5 exactly', async () => {
    const csv = 'KSH kód;kategória;háztartások;személyek;dátum;szervezet\n03939;élelmiszer;3;11;2025-10-01;Teszt\n03939;fűtés;1;2;2025-10-02;Teszt\n30456;élelmiszer;12;40;2025-10-03;Teszt\n';
    const real = await upload('need-signals', 'jelzes.csv', utf8(csv), { dryRun: 'false' });
    expect(real.status).toBe(201);
    const { importId } = (await real.json()) as { importId: number };
    try {
      const layer = (await (await app.request('/api/layers/need-signals')).json()) as FeatureCollection;
      const bySettlement = Object.fromEntries(layer.features.map((feature) => [feature.id, feature.properties]));
      expect(bySettlement['03939']).toMatchObject({ households: null, householdsBelowThreshold: true, persons: 13, categories: ['food', 'heating'] });
      expect(bySettlement['30456']).toMatchObject({ households: 12, householdsBelowThreshold: false, persons: 40 });
      const heating = (await (await app.request('/api/layers/need-signals?category=heating')).json()) as FeatureCollection;
      expect(heating.features.find((feature) => feature.id === '03939')?.properties).toMatchObject({ households: null, persons: null, personsBelowThreshold: true });
    } finally {
      await app.request(`/api/imports/${importId}`, { method: 'DELETE' });
    }
  });

  it.each([
    ['/api/layers/need-signals?category=music', 400, 'INVALID_PARAMETER'],
    ['/api/layers/institutions?type=DROP%20TABLE', 400, 'INVALID_PARAMETER'],
  ])('%s → %i %s', async (path, status, code) => {
    const response = await app.request(path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses an oversized upload with 413 and a stable code, and an unknown kind with 400', async () => {
    const big = await upload('institutions', 'nagy.csv', new Uint8Array(200_000).fill(65));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    const unknown = await upload('families', 'x.csv', utf8('a;b\n1;2\n'));
    expect(unknown.status).toBe(400);
  });
});
