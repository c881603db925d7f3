import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';

const SZEKESFEHERVAR = '14827';

describe.each(engineCases())('API on $name', ({ name, open }) => {
  const suite = apiSuite(open);

  async function getJson<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
    const response = await suite.request(path);
    expect(response.status, `${path} → ${response.status}`).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/json/);
    return (await response.json()) as T;
  }

  it('reports health: engine, PostGIS version, row counts and population', async () => {
    const health = await getJson<{ engine: string; postgis: string; counts: Record<string, number>; population: number }>('/api/health');
    expect(health.engine).toBe(name === 'pglite' ? 'embedded' : 'server');
    expect(health.postgis).toMatch(/^3\.\d+/);
    expect(health.counts).toMatchObject({ settlement: 3177, district: 197, county: 20 });
    expect(health.population).toBe(9_584_627);
  });

  it('lists the layer catalogue with Hungarian and English titles and attribution', async () => {
    const { layers } = await getJson<{ layers: { id: string; title: { hu: string; en: string }; attribution: { text: string }[] }[] }>('/api/layers');
    expect(layers.map((layer) => layer.id)).toEqual(['counties', 'districts', 'settlements', 'segregated-areas', 'need-signals', 'institutions', 'warehouses',
      'programme-areas', 'partner-seats', 'helper-areas', 'case-density', 'programme-activities']);
    for (const layer of layers) {
      expect(layer.title.hu).toBeTruthy();
      expect(layer.title.en).toBeTruthy();
      expect(layer.attribution.length).toBeGreaterThan(0);
    }
    for (const layer of layers.slice(0, 3)) expect(layer.attribution.map((entry) => entry.text).join(' ')).toContain('OpenStreetMap');
  });

  it('serves every settlement of the country at zoom 6, generalised, and fewer inside a bbox', async () => {
    const country = await getJson<FeatureCollection>('/api/layers/settlements?zoom=6');
    expect(country.features).toHaveLength(3177);
    const detailed = await getJson<FeatureCollection>('/api/layers/settlements?zoom=12&bbox=18.3,47.1,18.6,47.3');
    expect(detailed.features.length).toBeGreaterThan(3);
    expect(detailed.features.length).toBeLessThan(100);
    expect(detailed.features.map((feature) => feature.id)).toContain(SZEKESFEHERVAR);
    const vertices = (collection: FeatureCollection, id: string) =>
      JSON.stringify(collection.features.find((feature) => feature.id === id)?.geometry).split('],[').length;
    expect(vertices(detailed, SZEKESFEHERVAR)).toBeGreaterThan(vertices(country, SZEKESFEHERVAR));
    const counties = await getJson<FeatureCollection>('/api/layers/counties?zoom=6');
    expect(counties.features).toHaveLength(20);
  });

  it('returns the profile of a settlement with its hierarchy and indicators', async () => {
    const profile = await getJson<{
      name: string; county: { name: string }; district: { name: string }; population2024: number;
      indicators: { key: string; level: string; value: number }[];
    }>(`/api/settlements/${SZEKESFEHERVAR}`);
    expect(profile).toMatchObject({ name: 'Székesfehérvár', county: { name: 'Fejér' }, district: { name: 'Székesfehérvári' }, population2024: 96024 });
    expect(profile.indicators.find((indicator) => indicator.key === 'dev_index_290_2014')).toMatchObject({ level: 'district' });
    expect(profile.indicators.find((indicator) => indicator.key === 'population')).toMatchObject({ value: 96024 });
  });

  it('serves indicator values per level', async () => {
    const { indicators } = await getJson<{ indicators: { key: string; levels: string[] }[] }>('/api/indicators');
    expect(indicators.find((indicator) => indicator.key === 'population')?.levels).toEqual(['settlement', 'district', 'county']);
    const counties = await getJson<{ year: number; values: Record<string, number> }>('/api/indicators/population?level=county');
    expect(Object.keys(counties.values)).toHaveLength(20);
    expect(Object.values(counties.values).reduce((sum, value) => sum + value, 0)).toBe(9_584_627);
    const districts = await getJson<{ year: number; values: Record<string, number> }>('/api/indicators/dev_index_290_2014?level=district');
    expect(districts.year).toBe(2014);
    expect(Object.keys(districts.values)).toHaveLength(197);
  });

  it('answers indicator reads from a cache kept per data version: same tag, 304, rebuilt after a saved need index', async () => {
    const catalogue = await suite.request('/api/indicators');
    const tag = catalogue.headers.get('etag');
    expect(tag).toBeTruthy();
    expect((await suite.request('/api/indicators', { headers: { 'If-None-Match': tag! } })).status).toBe(304);
    const values = await suite.request('/api/indicators/population?level=county');
    expect((await suite.request('/api/indicators/population?level=county', { headers: { 'If-None-Match': values.headers.get('etag')! } })).status).toBe(304);

    const created = await suite.request('/api/need-indices', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Gyorsítótár-próba index', components: [{ indicatorKey: 'population_change_2011_2024', weight: 1 }] }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    try {
      const changed = await suite.request('/api/indicators', { headers: { 'If-None-Match': tag! } });
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as { indicators: { key: string }[] }).indicators.map((entry) => entry.key)).toContain(key);
      expect(Object.keys((await getJson<{ values: Record<string, number> }>(`/api/indicators/${key}?level=county`)).values)).toHaveLength(20);
    } finally {
      expect((await suite.request(`/api/need-indices/${key}`, { method: 'DELETE' })).status).toBe(200);
    }
    expect((await getJson<{ indicators: { key: string }[] }>('/api/indicators')).indicators.map((entry) => entry.key)).not.toContain(key);
    await getJson(`/api/indicators/${key}?level=county`, 404);
  });

  it('finds places accent-insensitively', async () => {
    const { results } = await getJson<{ results: { kind: string; name: string; code: string }[] }>('/api/search?q=szekesfehervar');
    expect(results[0]).toMatchObject({ kind: 'settlement', name: 'Székesfehérvár', code: SZEKESFEHERVAR });
    const county = await getJson<{ results: { kind: string; name: string }[] }>('/api/search?q=BORSOD');
    expect(county.results[0]).toMatchObject({ kind: 'county', name: 'Borsod-Abaúj-Zemplén' });
    const district = await getJson<{ results: { kind: string; name: string }[] }>('/api/search?q=cigandi');
    expect(district.results[0]).toMatchObject({ kind: 'district', name: 'Cigándi' });
  });

  describe('bad requests get JSON errors with a stable code and no stack trace', () => {
    it.each([
      ['/api/layers/settlements?bbox=18,47,19', 400, 'INVALID_PARAMETER', /bbox/],
      ['/api/layers/settlements?bbox=19,47,18,48', 400, 'INVALID_PARAMETER', /minimum/],
      ['/api/layers/settlements?bbox=a,b,c,d', 400, 'INVALID_PARAMETER', /bbox/],
      ['/api/layers/settlements?zoom=99', 400, 'INVALID_PARAMETER', /zoom/],
      ['/api/layers/settlements?zoom=seven', 400, 'INVALID_PARAMETER', /zoom/],
      ['/api/layers/rivers', 404, 'LAYER_NOT_FOUND', /rivers/],
      ['/api/settlements/1482', 400, 'INVALID_PARAMETER', /5 digits/],
      ['/api/settlements/99999', 404, 'SETTLEMENT_NOT_FOUND', /99999/],
      ['/api/search', 400, 'INVALID_PARAMETER', /"q"/],
      ['/api/search?q=%25%25', 400, 'INVALID_PARAMETER', /"q"/],
      ['/api/search?q=pest&limit=0', 400, 'INVALID_PARAMETER', /limit/],
      ['/api/indicators/nope', 404, 'INDICATOR_NOT_FOUND', /nope/],
      ['/api/indicators/population?level=village', 400, 'INVALID_PARAMETER', /level/],
      ['/api/no-such-route', 404, 'NOT_FOUND', /no-such-route/],
    ] as const)('%s → %i %s', async (path, status, code, message) => {
      const body = await getJson<{ error: { code: string; message: string } }>(path, status);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
      expect(JSON.stringify(body)).not.toMatch(/\bat .+\.ts:\d+/);
    });
  });
});
