import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { formatLoadSummary, ImportError, loadBase, type Progress } from '@terep/data-import';
import { summariseDatabase, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { editFile, writePublishedCopy } from '../src/published-copy.ts';

const GAZETTEER = 'ksh-gazetteer-2024.csv';
const PARTS = 'ksh-settlement-parts-2018.csv';

describe.each(engineCases())('base import on $name', ({ open }) => {
  let engine: Engine;
  let directory: string;

  beforeAll(async () => {
    engine = await open();
    directory = writePublishedCopy();
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** A fingerprint of the loaded rows, to prove that a failed import changed nothing. */
  async function snapshot() {
    const summary = await summariseDatabase(engine.db);
    const { rows } = await sql<{ digest: string }>`
      SELECT md5(string_agg(code || ':' || population_2024 || ':' || name, ',' ORDER BY code)) AS digest FROM settlement`.execute(engine.db);
    return { ...summary, digest: rows[0]!.digest };
  }

  it('holds the whole country: 3,177 settlement rows, 197 districts, 20 counties, 9,584,627 residents', async () => {
    const { counts, population } = await summariseDatabase(engine.db);
    expect(counts).toMatchObject({ settlement: 3177, district: 197, county: 20 });
    expect(population).toBe(9_584_627);
    expect(counts.settlement_part).toBeGreaterThan(13_000);
  });

  it('stores only valid MultiPolygons with a label point inside each settlement', async () => {
    const { rows } = await sql<{ invalid: number; not_multi: number; outside: number }>`
      SELECT
        (SELECT count(*) FROM settlement WHERE NOT ST_IsValid(geom))::int
          + (SELECT count(*) FROM district WHERE NOT ST_IsValid(geom))::int
          + (SELECT count(*) FROM county WHERE NOT ST_IsValid(geom))::int
          + (SELECT count(*) FROM boundary_generalised WHERE NOT ST_IsValid(geom))::int AS invalid,
        (SELECT count(*) FROM settlement WHERE GeometryType(geom) <> 'MULTIPOLYGON')::int AS not_multi,
        (SELECT count(*) FROM settlement WHERE NOT ST_Intersects(geom, label_point))::int AS outside`.execute(engine.db);
    expect(rows[0]).toEqual({ invalid: 0, not_multi: 0, outside: 0 });
  });

  it('joins settlements to their district and county and merges two-part settlements', async () => {
    const { rows } = await sql<{ code: string; district_code: string; county_code: string; parts: number }>`
      SELECT code, district_code, county_code, ST_NumGeometries(geom)::int AS parts FROM settlement
      WHERE code IN ('14827', '09566') ORDER BY code`.execute(engine.db);
    expect(rows).toEqual([
      expect.objectContaining({ code: '09566', district_code: '001', county_code: '01' }),
      expect.objectContaining({ code: '14827', district_code: '085', county_code: '07' }),
    ]);
  });

  it('derives indicators at every level, the district index inherited by settlements', async () => {
    const { rows } = await sql<{ unit_kind: string; indicator_key: string; n: number }>`
      SELECT unit_kind, indicator_key, count(*)::int AS n FROM indicator_value
      WHERE indicator_key IN ('population', 'dev_index_290_2014', 'benef_105_2015')
      GROUP BY unit_kind, indicator_key ORDER BY indicator_key, unit_kind`.execute(engine.db);
    expect(rows).toEqual([
      { unit_kind: 'settlement', indicator_key: 'benef_105_2015', n: 3177 },
      { unit_kind: 'district', indicator_key: 'dev_index_290_2014', n: 197 },
      { unit_kind: 'settlement', indicator_key: 'dev_index_290_2014', n: 3177 },
      { unit_kind: 'county', indicator_key: 'population', n: 20 },
      { unit_kind: 'district', indicator_key: 'population', n: 197 },
      { unit_kind: 'settlement', indicator_key: 'population', n: 3177 },
    ]);
  });

  // One re-import (a full base load takes a minute) checks both what it writes and what it says.
  it('changes nothing when run again (idempotent upserts), and says what each of its counts counts', async () => {
    const before = await snapshot();
    const steps: { label: string; total: number }[] = [];
    const recorder: Progress = { step: (label, total) => steps.push({ label, total }), advance() {}, done() {} };
    const result = await loadBase(engine, { directory, progress: recorder });
    expect(result.counts).toEqual(before.counts);
    expect(await snapshot()).toEqual(before);

    // The progress counts values read, not indicators; the generalised step counts boundaries, not one statement.
    expect(steps.find((step) => step.label.includes('indicator values'))?.total).toBe(result.valuesRead);
    expect(steps.some((step) => /\bindicators\b/.test(step.label))).toBe(false);
    expect(steps.find((step) => step.label.includes('generalised boundaries'))).toEqual({
      label: 'generalizált határok (5 nagyítási szint) / generalised boundaries (5 zoom levels)', total: 20 + 197 + 3177,
    });
    expect(result.counts.boundary_generalised).toBe(result.boundaries * result.zoomLevels);
    const summary = formatLoadSummary(result);
    expect(summary).toMatch(/indicator\s+9\s+indicators in the catalogue/);
    expect(summary).toContain(`indicator values: ${result.valuesRead.toLocaleString('en-US')} read from the files`);
    expect(summary).toMatch(/boundary_generalised\s+16970\s+simplified boundaries: 3,394 boundaries × 5 zoom levels/);
    // The bundle's boundaries (TopoJSON, quantised: as the README says, more polygons than the published GeoJSON's
    // two districts and five settlements) are repaired, and named.
    expect(result.repaired.map((entry) => [entry.layer, entry.units.length])).toEqual([['counties', 3], ['districts', 5], ['settlements', 13]]);
    expect(summary).toContain('settlements invalid in the source and repaired with ST_MakeValid (13): ');
    expect(summary).toContain('Ózd (14492)');
  }, 300_000);

  it('rolls the whole import back when it fails half-way', async () => {
    const before = await snapshot();
    const changed = writePublishedCopy();
    try {
      // A valid change to Székesfehérvár's population, then a failure after the settlements are written.
      editFile(changed, GAZETTEER, (text) => text.replace(/(;Székesfehérvár;[^\n]*?;)96024;/, '$1123;'));
      const failing: Progress = {
        step(label) {
          if (label.includes('settlement parts')) throw new Error('simulated failure mid-import');
        },
        advance() {},
        done() {},
      };
      await expect(loadBase(engine, { directory: changed, progress: failing })).rejects.toThrow('simulated failure');
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(changed, { recursive: true, force: true });
    }
  });

  describe('bad input stops with the file, the row and the problem, and writes nothing', () => {
    const cases: { name: string; file: string; breakIt: (dir: string) => void; message: RegExp }[] = [
      {
        name: 'a missing file',
        file: GAZETTEER,
        breakIt: (dir) => unlinkSync(join(dir, GAZETTEER)),
        message: /ksh-gazetteer-2024\.csv: file not found/,
      },
      {
        name: 'a malformed GeoJSON',
        file: 'settlements.geojson',
        breakIt: (dir) => editFile(dir, 'settlements.geojson', (text) => text.slice(0, text.length / 2)),
        message: /settlements\.geojson: malformed JSON/,
      },
      {
        name: 'a GeoJSON feature without a code',
        file: 'counties.geojson',
        breakIt: (dir) => editFile(dir, 'counties.geojson', (text) => text.replace('"CODE":"02"', '"CODE":null')),
        message: /counties\.geojson: feature \d+: property CODE must be a 2-digit KSH code/,
      },
      {
        name: 'a CSV with a wrong header',
        file: GAZETTEER,
        breakIt: (dir) => editFile(dir, GAZETTEER, (text) => text.replace('Lakó.népesség', 'Lakonepesseg')),
        message: /ksh-gazetteer-2024\.csv: line 1 \(header\): missing column "Lakó\.népesség"/,
      },
      {
        name: 'a CSV with the wrong delimiter',
        file: PARTS,
        breakIt: (dir) => editFile(dir, PARTS, (text) => text.replaceAll(',', ';')),
        message: /ksh-settlement-parts-2018\.csv: line 1 \(header\): missing columns .*separated by ";"; is the delimiter ","/,
      },
      {
        name: 'an unknown KSH code',
        file: PARTS,
        breakIt: (dir) => editFile(dir, PARTS, (text) => `${text.trimEnd()}\n"99999","Sehol","Külterület","9999",,3,12,4,,"Külterület"\n`),
        message: /ksh-settlement-parts-2018\.csv: line 13560: unknown KSH code "99999"/,
      },
      {
        name: 'a non-numeric population',
        file: GAZETTEER,
        breakIt: (dir) => editFile(dir, GAZETTEER, (text) => text.replace(/(;Székesfehérvár;[^\n]*?;)96024;/, '$1sok;')),
        message: /ksh-gazetteer-2024\.csv: line \d+: column "Lakó\.népesség" must be a number, found "sok"/,
      },
    ];

    it.each(cases)('$name', async ({ file, breakIt, message }) => {
      const before = await snapshot();
      const broken = writePublishedCopy();
      try {
        breakIt(broken);
        const failure = await loadBase(engine, { directory: broken }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(ImportError);
        expect((failure as ImportError).file).toContain(file);
        expect((failure as ImportError).message).toMatch(message);
        expect(await snapshot()).toEqual(before);
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    });
  });
});
