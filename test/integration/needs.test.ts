import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';

const SIGNALS_CSV = 'KSH kód;kategória;háztartások;dátum;szervezet\n03939;élelmiszer;3;2025-10-01;Teszt\n30456;fűtés;12;2025-10-03;Teszt\n';
const [X, Y] = [742149.5, 321559.4];
const AREA = JSON.stringify({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'EPSG:23700' } },
  features: [{
    type: 'Feature',
    properties: { név: 'Teszt telep', népesség: 180, 'alacsony végzettség': '62,5', 'munkajövedelem nélkül': 55 },
    geometry: { type: 'Polygon', coordinates: [[[X - 100, Y - 100], [X + 100, Y - 100], [X + 100, Y + 100], [X - 100, Y + 100], [X - 100, Y - 100]]] },
  }],
});

describe.each(engineCases())('need index, H3 aggregation and segregation definitions on $name', ({ open }) => {
  const suite = apiSuite(open, [
    { kind: 'need-signals', fileName: 'jelzes.csv', bytes: utf8(SIGNALS_CSV) },
    { kind: 'segregated-areas', fileName: 'telep.geojson', bytes: utf8(AREA) },
  ]);
  const send = <T>(method: string, path: string, body?: unknown, status = 200): Promise<T> => suite.send<T>(method, path, body, status);

  it('saves a direction-aware composite need index that the map can select at every level', async () => {
    const created = await send<{ key: string; settlements: number }>('POST', '/api/need-indices', {
      name: 'Teszt mélyszegénységi index',
      components: [{ indicatorKey: 'dev_index_290_2014', weight: 2 }, { indicatorKey: 'population_change_2011_2024', weight: 1 }, { indicatorKey: 'benef_105_2015', weight: 1 }],
    }, 201);
    try {
      expect(created.settlements).toBe(3177);
      const { indicators } = await send<{ indicators: { key: string; levels: string[]; needDirection: number }[] }>('GET', '/api/indicators');
      expect(indicators.find((entry) => entry.key === created.key)).toMatchObject({ levels: ['settlement', 'district', 'county'], needDirection: 1 });
      const districts = await send<{ values: Record<string, number> }>('GET', `/api/indicators/${created.key}?level=district`);
      // Cigándi (054) is the most deprived district under 290/2014; Budapest's 1st district is among the least.
      expect(districts.values['054']).toBeGreaterThan(80);
      expect(districts.values['001']).toBeLessThan(30);
      const settlements = await send<{ values: Record<string, number> }>('GET', `/api/indicators/${created.key}?level=settlement`);
      for (const value of Object.values(settlements.values)) expect(value).toBeGreaterThanOrEqual(0);
      expect(Math.max(...Object.values(settlements.values))).toBeLessThanOrEqual(100);
      await send('POST', '/api/need-indices', { name: 'Teszt mélyszegénységi index', components: [{ indicatorKey: 'population_change_2011_2024', weight: 1 }] }, 409);

      const hex = await send<{ cells: { h3: string; value: number | null }[] }>('GET', `/api/heatmap/h3?resolution=5&indicator=${created.key}`);
      expect(hex.cells.length).toBeGreaterThan(100);
      expect(hex.cells.every((cell) => cell.value !== null)).toBe(true);
    } finally {
      await send('DELETE', `/api/need-indices/${created.key}`);
    }
    expect((await send<{ indices: unknown[] }>('GET', '/api/need-indices')).indices).toEqual([]);
  });

  it('takes the organisation\'s need signals per 1,000 residents as a component, by category or all', async () => {
    // Hand-computed: one food signal in Cigánd (03939, 2,840 residents) = 0.352 per 1,000; one heating signal in
    // Miskolc (30456, 143,502) = 0.007; the other 3,175 settlements 0. Percent ranks over 3,177 settlements: all
    // signals, Cigánd 1 and Miskolc 3175/3176; food only, Cigánd 1 and Miskolc 0 (tied with the rest).
    // Index = (1 × food + 3 × all) / 4 × 100: Cigánd 100, Miskolc 75 × 3175/3176 = 74.98, every other settlement 0.
    const created = await send<{ key: string; settlements: number }>('POST', '/api/need-indices', {
      name: 'Jelzések 1000 lakosra',
      components: [{ indicatorKey: 'need_signals:food', weight: 1 }, { indicatorKey: 'need_signals', weight: 3 }],
    }, 201);
    try {
      expect(created.settlements).toBe(3177);
      const { values } = await send<{ values: Record<string, number> }>('GET', `/api/indicators/${created.key}?level=settlement`);
      expect(values['03939']).toBe(100);
      expect(values['30456']).toBe(74.98);
      expect(Object.entries(values).filter(([code]) => code !== '03939' && code !== '30456').every(([, value]) => value === 0)).toBe(true);
    } finally {
      await send('DELETE', `/api/need-indices/${created.key}`);
    }
    const refused = await send<{ error: { code: string; params: Record<string, string> } }>('POST', '/api/need-indices', { name: 'Rossz kategória', components: [{ indicatorKey: 'need_signals:parking', weight: 1 }] }, 400);
    expect(refused.error).toMatchObject({ code: 'INVALID_PARAMETER', params: { reason: 'unknown-signal-category', category: 'parking' } });
  });

  it('leaves withdrawn need signals out of a signal component', async () => {
    // Szeged (33367) has no imported signal: a withdrawn one there must rate it 0 like every settlement without signals.
    const { id } = await send<{ id: number }>('POST', '/api/need-signals', { settlementCode: '33367', category: 'food', urgency: 'high', households: 8, date: '2026-11-30', organisation: 'Teszt' }, 201);
    await send('DELETE', `/api/need-signals/${id}`);
    const created = await send<{ key: string }>('POST', '/api/need-indices', { name: 'Jelzések visszavont nélkül', components: [{ indicatorKey: 'need_signals', weight: 1 }] }, 201);
    try {
      const { values } = await send<{ values: Record<string, number> }>('GET', `/api/indicators/${created.key}?level=settlement`);
      expect(values['33367']).toBe(0);
    } finally {
      await send('DELETE', `/api/need-indices/${created.key}`);
    }
  });

  it('refuses an index of indicators that measure no need', async () => {
    const refused = await send<{ error: { code: string; message: string; params: Record<string, string> } }>('POST', '/api/need-indices', { name: 'Népesség', components: [{ indicatorKey: 'population', weight: 1 }] }, 400);
    expect(refused.error.message).toMatch(/does not measure need/);
    expect(refused.error.params).toEqual({ reason: 'no-need-direction', indicator: 'population' });
  });

  it('aggregates need signals on H3 cells and never shows fewer than 5 households', async () => {
    const hex = await send<{ cells: { h3: string; points: number; households: number | null; householdsBelowThreshold: boolean }[] }>('GET', '/api/heatmap/h3?resolution=7');
    const withSignals = hex.cells.filter((cell) => cell.households !== null || cell.householdsBelowThreshold);
    expect(withSignals.map((cell) => cell.households).sort()).toEqual([12, null]);
    expect(withSignals.find((cell) => cell.households === null)?.householdsBelowThreshold).toBe(true);
    expect((await send<{ error: { code: string } }>('GET', '/api/heatmap/h3?resolution=12', undefined, 400)).error.code).toBe('INVALID_PARAMETER');
  });

  it('checks imported segregated areas against a definition whose thresholds are settings', async () => {
    const defaults = await send<{ definition: { lowEducationMinShare: number }; meeting: number; areas: { name: string; meetsDefinition: boolean; lowEducationShare: number }[] }>('GET', '/api/segregated-areas');
    expect(defaults.definition.lowEducationMinShare).toBe(50);
    expect(defaults.areas.find((area) => area.name === 'Teszt telep')).toMatchObject({ meetsDefinition: true, lowEducationShare: 62.5 });
    const strict = await send<{ areas: { name: string; meetsDefinition: boolean; failedCriteria: string[] }[] }>('GET', '/api/segregated-areas?lowEducationMinShare=70');
    expect(strict.areas.find((area) => area.name === 'Teszt telep')).toMatchObject({ meetsDefinition: false, failedCriteria: ['lowEducationShare'] });
  });
});
