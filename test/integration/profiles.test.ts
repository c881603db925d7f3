import type { AreaProfile } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';

/*
 * District and county profiles (GET /api/profiles/:level/:code): figures, indicators, the
 * settlements, and the organisation's own data inside, with small counts withheld.
 * The organisation rows are synthetic test fixtures in the Miskolc district (061) of Borsod (05).
 */
const INSTITUTIONS_CSV = 'név;típus;település;lon;lat\nProfil teszt konyha;Szociális konyha / étkeztetés;Miskolc;;\nProfil teszt klub;Idősek klubja;Miskolc;20.79;48.10\n';
const WAREHOUSES_CSV = 'név;település;kapacitás\nProfil teszt raktár;Miskolc;800\n';
// Three households in one Miskolc-district settlement: below 5, never sent exactly.
const SIGNALS_CSV = 'KSH kód;kategória;háztartások;dátum;szervezet\n30456;élelmiszer;3;2025-10-01;Profil teszt\n';
const AREA = JSON.stringify({
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { név: 'Profil teszt telep', népesség: 3 },
    geometry: { type: 'Polygon', coordinates: [[[20.780, 48.100], [20.782, 48.100], [20.782, 48.102], [20.780, 48.102], [20.780, 48.100]]] },
  }],
});

describe.each(engineCases())('district and county profiles on $name', ({ open }) => {
  const suite = apiSuite(open, [
    { kind: 'institutions', fileName: 'intezmenyek.csv', bytes: utf8(INSTITUTIONS_CSV) },
    { kind: 'warehouses', fileName: 'raktarak.csv', bytes: utf8(WAREHOUSES_CSV) },
    { kind: 'need-signals', fileName: 'jelzes.csv', bytes: utf8(SIGNALS_CSV) },
    { kind: 'segregated-areas', fileName: 'telep.geojson', bytes: utf8(AREA) },
  ]);

  it('answers a district with its figures, indicators, settlements and the organisation data inside', async () => {
    const district = await suite.send<AreaProfile>('GET', '/api/profiles/district/061');
    expect(district).toMatchObject({ level: 'district', code: '061', name: 'Miskolci', seat: 'Miskolc', county: { code: '05', name: 'Borsod-Abaúj-Zemplén' }, districtCount: null });
    // Most populous first; the population is the sum of the listed settlements.
    expect(district.settlements[0]).toMatchObject({ code: '30456', name: 'Miskolc' });
    expect(district.settlementCount).toBe(district.settlements.length);
    expect(district.population2024).toBe(district.settlements.reduce((sum, settlement) => sum + settlement.population2024, 0));
    expect(district.indicators.find((indicator) => indicator.key === 'population')?.value).toBe(district.population2024);

    const { organisation } = district;
    expect(organisation.institutions.map((row) => row.name).sort()).toEqual(['Profil teszt klub', 'Profil teszt konyha']);
    expect(organisation.warehouses).toMatchObject([{ name: 'Profil teszt raktár', settlementName: 'Miskolc', capacity: 800 }]);
    expect(organisation.segregatedAreas).toMatchObject([{ name: 'Profil teszt telep', population: null, populationBelowThreshold: true }]);
    expect(organisation.needSignals).toEqual({ settlements: 1, households: null, householdsBelowThreshold: true, persons: null, personsBelowThreshold: false });
  });

  it('answers a county with its districts, and nothing of the organisation outside it', async () => {
    const county = await suite.send<AreaProfile>('GET', '/api/profiles/county/05');
    expect(county).toMatchObject({ level: 'county', code: '05', name: 'Borsod-Abaúj-Zemplén', seat: null, county: null, districtCount: 16 });
    expect(county.settlementCount).toBeGreaterThan(350);
    expect(county.organisation.warehouses.map((row) => row.name)).toContain('Profil teszt raktár');

    const vas = await suite.send<AreaProfile>('GET', '/api/profiles/county/18');
    expect(vas.organisation.institutions.map((row) => row.name)).not.toContain('Profil teszt klub');
    expect(vas.organisation.needSignals.settlements).toBe(0);
  });

  it('counts no withdrawn need signal', async () => {
    const { signals } = await suite.send<{ signals: { id: number; organisation: string }[] }>('GET', '/api/need-signals');
    for (const signal of signals.filter((row) => row.organisation === 'Profil teszt')) await suite.send('DELETE', `/api/need-signals/${signal.id}`);
    const district = await suite.send<AreaProfile>('GET', '/api/profiles/district/061');
    expect(district.organisation.needSignals).toEqual({ settlements: 0, households: null, householdsBelowThreshold: false, persons: null, personsBelowThreshold: false });
  });

  it.each([
    ['/api/profiles/district/999', 404, 'AREA_NOT_FOUND'],
    ['/api/profiles/county/99', 404, 'AREA_NOT_FOUND'],
    ['/api/profiles/county/061', 400, 'INVALID_PARAMETER'],
    ['/api/profiles/town/05', 400, 'INVALID_PARAMETER'],
  ])('%s → %i %s', async (path, status, code) => {
    const body = await suite.send<{ error: { code: string } }>('GET', path, undefined, status);
    expect(body.error.code).toBe(code);
  });
});
