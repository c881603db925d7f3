import { rmSync } from 'node:fs';
import type { RunImportOptions } from '@terep/data-import';
import { countOrganisationData, listImportRuns, rollbackImportRun, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { importFile, problemCodes } from '../src/import-fixtures.ts';
import { TEST_ACTOR } from '../src/test-users.ts';
import { INSTITUTIONS_EOV_CSV, utf8, windows1250 } from '../src/org-fixtures.ts';

type Kind = RunImportOptions['kind'];

describe.each(engineCases())('organisation data import on $name', ({ open }) => {
  let engine: Engine;

  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => engine?.close());

  const run = (kind: Kind, fileName: string, bytes: Uint8Array, extra: Partial<RunImportOptions> = {}) => importFile(engine, kind, fileName, bytes, extra);

  it('dry-runs, imports and rolls back a Windows-1250 CSV with EOV coordinates', async () => {
    const before = await countOrganisationData(engine.db);
    const bytes = windows1250(INSTITUTIONS_EOV_CSV);
    const dry = await run('institutions', 'intezmenyek.csv', bytes, { dryRun: true });
    expect(dry.status).toBe('validated');
    expect(dry.report).toMatchObject({ format: 'csv', encoding: 'windows-1250', delimiter: ';', coordinateSystems: [23700], totalRows: 3, validRows: 3 });
    expect(problemCodes(dry)).toEqual([]);
    expect(dry.report.preview[0]).toMatchObject({ settlement: 'Ózd', values: { name: 'Ózdi Családsegítő (teszt)', type: 'family-child-welfare', capacity: 40 } });
    expect(await countOrganisationData(engine.db)).toEqual(before);

    const done = await run('institutions', 'intezmenyek.csv', bytes);
    expect(done).toMatchObject({ status: 'imported', written: 3 });
    const { rows } = await sql<{ name: string; settlement_code: string; type_key: string; distance_m: number }>`
      SELECT name, settlement_code, type_key,
        ST_Distance(ST_Transform(geom, 23700), ST_SetSRID(ST_MakePoint(742149.5, 321559.4), 23700)) AS distance_m
      FROM institution WHERE import_id = ${done.importId} ORDER BY source_row`.execute(engine.db);
    expect(rows.map((row) => [row.settlement_code, row.type_key])).toEqual([
      ['14492', 'family-child-welfare'], ['30456', 'elderly-day-care'], ['03939', 'social-kitchen'],
    ]);
    expect(rows[0]!.distance_m).toBeLessThan(0.01);
    const runs = await listImportRuns(engine.db);
    expect(runs[0]).toMatchObject({ id: done.importId, kind: 'institutions', fileName: 'intezmenyek.csv', importedBy: 'test', importedCount: 3, status: 'active' });

    expect(await rollbackImportRun(engine.db, done.importId!, TEST_ACTOR)).toEqual({ kind: 'rolled-back', removed: 3 });
    expect(await rollbackImportRun(engine.db, done.importId!, TEST_ACTOR)).toEqual({ kind: 'already-rolled-back' });
    const after = await countOrganisationData(engine.db);
    expect({ ...after, import_run: 0 }).toEqual({ ...before, import_run: 0 });
  });

  it('knows the common Hungarian names of every service type', async () => {
    const names: [string, string][] = [
      ['Népkonyha', 'social-kitchen'], ['Szociális étkeztetés', 'social-kitchen'], ['Idősek klubja', 'elderly-day-care'],
      ['Családsegítő', 'family-child-welfare'], ['Gyermekjóléti szolgálat', 'family-child-welfare'], ['Család- és gyermekjóléti központ', 'family-child-welfare'],
      ['Tanoda', 'after-school-programme'], ['Közösségi ház', 'community-house'], ['Házi segítségnyújtás', 'home-help'],
      ['Támogató szolgálat', 'support-service'], ['Utcai szociális munka', 'street-outreach'], ['Nappali melegedő', 'day-shelter'],
      ['Éjjeli menedékhely', 'night-shelter'], ['Hajléktalanok átmeneti szállása', 'temporary-hostel'], ['Falugondnok', 'village-caretaker'],
      ['Tanyagondnokság', 'farmstead-caretaker'], ['Családok átmeneti otthona', 'temporary-family-home'], ['Szenvedélybetegek közösségi ellátása', 'addiction-community-care'],
      ['NEPKONYHA', 'social-kitchen'], ['Népkonyha és ételosztás', 'social-kitchen'],
    ];
    const csv = ['Név;Típus;Település', ...names.map(([type], index) => `Teszt ${index + 1};${type};Cigánd`)].join('\n');
    const dry = await run('institutions', 'tipusok.csv', utf8(csv), { dryRun: true });
    expect(dry.report.problems.filter((entry) => entry.severity === 'error')).toEqual([]);
    expect(dry.report.preview.map((row) => [names[row.row - 2]![0], row.values.type])).toEqual(names);
  });

  it('finds Budapest districts however they are written, and resolves an ambiguous name by postcode', async () => {
    const csv = [
      'település,irányítószám,kategória,háztartások,dátum,szervezet',
      'Budapest VIII. kerület,1084,élelmiszer,12,2025.11.03.,Teszt Egyesület',
      'Bp. 8. ker.,,fűtés,7,2025-11-04,Teszt Egyesület',
      'VIII. ker.,,ruha,3,2025-11-05,Teszt Egyesület',
      'Budapest 8,,egyéb,9,2025-11-06,Teszt Egyesület',
      'Komlo,7300,élelmiszer,6,2025-11-07,Teszt Egyesület',
    ].join('\n');
    const outcome = await run('need-signals', 'jelzesek.csv', utf8(csv), { dryRun: true });
    expect(outcome.report.validRows).toBe(5);
    expect(outcome.report.preview.map((row) => row.settlement)).toEqual(['Budapest 08. ker.', 'Budapest 08. ker.', 'Budapest 08. ker.', 'Budapest 08. ker.', 'Komló']);
    expect(problemCodes(outcome)).toEqual(['warning:SETTLEMENT_RESOLVED@6']);
  });

  describe('broken files are reported with row, column and problem, and change nothing', () => {
    const cases: { name: string; kind: Kind; file: string; bytes: () => Uint8Array; options?: Partial<RunImportOptions>; expected: string[] }[] = [
      {
        name: 'the wrong encoding forced on a Windows-1250 file',
        kind: 'institutions', file: 'intezmenyek.csv', bytes: () => windows1250(INSTITUTIONS_EOV_CSV), options: { encoding: 'utf-8' },
        expected: ['error:FILE_UNREADABLE@file'],
      },
      {
        name: 'the wrong delimiter',
        kind: 'institutions', file: 'intezmenyek.csv', bytes: () => windows1250(INSTITUTIONS_EOV_CSV), options: { delimiter: ',' },
        expected: ['error:MISSING_COLUMNS@file', 'error:MISSING_COLUMNS@file', 'error:MISSING_COLUMNS@file', 'error:MISSING_COLUMNS@file'],
      },
      {
        name: 'missing columns',
        kind: 'institutions', file: 'nincs-tipus.csv', bytes: () => utf8('név;település\nValami;Ózd\n'),
        expected: ['error:MISSING_COLUMNS@file'],
      },
      {
        name: 'an unknown KSH code',
        kind: 'need-signals', file: 'ksh.csv', bytes: () => utf8('KSH kód;kategória;személyek;dátum;szervezet\n14492;élelmiszer;5;2025-10-01;Teszt\n99999;élelmiszer;5;2025-10-01;Teszt\n'),
        expected: ['error:UNKNOWN_KSH_CODE@3'],
      },
      {
        name: 'unmatched and ambiguous names',
        kind: 'need-signals', file: 'nevek.csv', bytes: () => utf8('település;kategória;személyek;dátum;szervezet\nSehollakfalva;élelmiszer;5;2025-10-01;Teszt\nKomlo;fűtés;8;2025-10-01;Teszt\n'),
        expected: ['error:UNKNOWN_SETTLEMENT@2', 'error:AMBIGUOUS_SETTLEMENT@3'],
      },
      {
        name: 'swapped EOV coordinates',
        kind: 'institutions', file: 'csere.csv', bytes: () => utf8('név;típus;EOV Y;EOV X\nTeszt;Közösségi ház;321559,4;742149,5\n'),
        expected: ['error:COORDINATES_SWAPPED@2'],
      },
      {
        name: 'swapped longitude and latitude',
        kind: 'warehouses', file: 'raktar.csv', bytes: () => utf8('név;lat;lon\nTeszt raktár;20.69940;48.09281\n'),
        expected: ['error:COORDINATES_SWAPPED@2'],
      },
      {
        name: 'coordinates outside Hungary',
        kind: 'warehouses', file: 'bécs.csv', bytes: () => utf8('név;lon;lat\nBécsi raktár;16.3738;48.2082\nLondoni raktár;-0.1276;51.5072\n'),
        expected: ['error:COORDINATES_OUTSIDE_HUNGARY@2', 'error:COORDINATES_OUTSIDE_HUNGARY@3'],
      },
      {
        name: 'mixed EOV and WGS 84 coordinates in one file',
        kind: 'warehouses', file: 'vegyes.csv', bytes: () => utf8('név;x;y\nA;20,6994;48,09281\nB;21,88405;48,26964\nC;742149,5;321559,4\n'),
        expected: ['error:MIXED_COORDINATE_SYSTEMS@4'],
      },
      {
        name: 'an empty file',
        kind: 'institutions', file: 'ures.csv', bytes: () => new Uint8Array(0),
        expected: ['error:FILE_UNREADABLE@file'],
      },
      {
        name: 'a file above the size limit',
        kind: 'institutions', file: 'nagy.csv', bytes: () => windows1250(INSTITUTIONS_EOV_CSV), options: { maxBytes: 100 },
        expected: ['error:FILE_UNREADABLE@file'],
      },
      {
        name: 'personal data columns in need signals',
        kind: 'need-signals', file: 'nevek.csv', bytes: () => utf8('név;település;kategória;személyek;dátum;szervezet\nKiss Anna;Ózd;élelmiszer;1;2025-10-01;Teszt\n'),
        expected: ['error:PERSONAL_DATA_COLUMN@file'],
      },
      {
        name: 'bad values: a non-number, an unknown category, an impossible date',
        kind: 'need-signals', file: 'ertekek.csv', bytes: () => utf8('település;kategória;háztartások;dátum;szervezet\nÓzd;élelmiszer;sok;2025-10-01;Teszt\nÓzd;zene;3;2025-10-01;Teszt\nÓzd;fűtés;3;2025-02-30;Teszt\n'),
        expected: ['error:INVALID_NUMBER@2', 'error:VALUE_MISSING@2', 'error:UNKNOWN_VALUE@3', 'error:INVALID_DATE@4'],
      },
    ];

    it.each(cases)('$name', async ({ kind, file, bytes, options, expected }) => {
      const before = await countOrganisationData(engine.db);
      const dry = await run(kind, file, bytes(), { ...options, dryRun: true });
      expect(problemCodes(dry).filter((code) => code.startsWith('error'))).toEqual(expected);
      for (const entry of dry.report.problems) expect(entry.message.hu && entry.message.en).toBeTruthy();
      const real = await run(kind, file, bytes(), options);
      expect(real.status).toBe('rejected');
      expect(await countOrganisationData(engine.db)).toEqual(before);
    });
  });

  it('imports only the valid rows under the skip-invalid policy', async () => {
    const csv = 'település;kategória;személyek;dátum;szervezet\nÓzd;élelmiszer;5;2025-10-01;Teszt\nSehollakfalva;élelmiszer;5;2025-10-01;Teszt\n';
    const outcome = await run('need-signals', 'reszleges.csv', utf8(csv), { policy: 'skip-invalid' });
    expect(outcome).toMatchObject({ status: 'imported', written: 1 });
    await rollbackImportRun(engine.db, outcome.importId!, TEST_ACTOR);
  });

  it('repairs a self-intersecting segregated-area polygon, reports it, and reprojects EOV', async () => {
    // A bow-tie in EOV metres inside Ózd: invalid as drawn.
    const [x, y] = [742149.5, 321559.4];
    const ring = [[x - 200, y - 200], [x + 200, y + 200], [x + 200, y - 200], [x - 200, y + 200], [x - 200, y - 200]];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::23700' } },
      features: [{ type: 'Feature', properties: { név: 'Teszt szegregátum', népesség: 180, forrás: 'teszt', év: 2021 }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    });
    const dry = await run('segregated-areas', 'szegregatum.geojson', utf8(geojson), { dryRun: true });
    expect(problemCodes(dry)).toEqual(['warning:GEOMETRY_REPAIRED@1']);
    expect(dry.report.problems[0]!.message.en).toMatch(/Self-intersection/i);
    const done = await run('segregated-areas', 'szegregatum.geojson', utf8(geojson));
    expect(done).toMatchObject({ status: 'imported', written: 1 });
    const { rows } = await sql<{ valid: boolean; settlement_code: string; repaired: boolean; area_m2: number }>`
      SELECT ST_IsValid(geom) AS valid, settlement_code, repaired, ST_Area(ST_Transform(geom, 23700)) AS area_m2
      FROM segregated_area WHERE import_id = ${done.importId}`.execute(engine.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ valid: true, settlement_code: '14492', repaired: true });
    expect(rows[0]!.area_m2).toBeGreaterThan(70_000);
    await rollbackImportRun(engine.db, done.importId!, TEST_ACTOR);
  });

  afterAll(() => rmSync('/tmp/terep-org-import', { recursive: true, force: true }));
});
