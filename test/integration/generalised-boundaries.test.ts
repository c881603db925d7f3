import { sql } from 'kysely';
import { ensureBaseData } from '@terep/data-import';
import type { Engine } from '@terep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';

/** A square pixel at zoom 6 (512-pixel tiles) over Hungary, in square degrees: 5.625°/512 of longitude × about 0.0075° of latitude at 47°N. */
const PIXEL_Z6 = (5.625 / 512) * ((5.625 / 512) * Math.cos((47 * Math.PI) / 180));

/**
 * Unions are computed on a 1e-7° grid (about 1 cm): a floating-point union of the simplified polygons of
 * one county failed in GEOS 3.14, and PGlite then answers with no row instead of an error.
 */
const GRID = 1e-7;

/** The boundaries drawn up to zoom 6: shared borders simplified once for the three layers (SHARED_BORDER_LEVEL). */
const LEVEL = 0;

describe.each(engineCases())('boundaries generalised for zooms up to 6 on $name', ({ open }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => engine?.close());

  it('keeps every county, district and settlement, each a valid, non-empty polygon', async () => {
    const { rows } = await sql<{ unitKind: string; units: number; generalised: number; empty: number; invalid: number }>`
      SELECT k.unit_kind AS "unitKind", k.units,
        count(g.code)::int AS generalised,
        count(*) FILTER (WHERE ST_IsEmpty(g.geom))::int AS empty,
        count(*) FILTER (WHERE NOT ST_IsValid(g.geom))::int AS invalid
      FROM (VALUES ('county', (SELECT count(*)::int FROM county)), ('district', (SELECT count(*)::int FROM district)),
        ('settlement', (SELECT count(*)::int FROM settlement))) AS k(unit_kind, units)
      LEFT JOIN boundary_generalised AS g ON g.unit_kind = k.unit_kind AND g.min_zoom = ${LEVEL}
      GROUP BY k.unit_kind, k.units ORDER BY k.unit_kind`.execute(engine.db);
    expect(rows).toEqual([
      { unitKind: 'county', units: 20, generalised: 20, empty: 0, invalid: 0 },
      { unitKind: 'district', units: 197, generalised: 197, empty: 0, invalid: 0 },
      { unitKind: 'settlement', units: 3177, generalised: 3177, empty: 0, invalid: 0 },
    ]);
  });

  it('is far lighter than the stored boundaries', async () => {
    const { rows } = await sql<{ stored: number; generalised: number }>`
      SELECT (SELECT sum(ST_NPoints(geom))::int FROM settlement) AS stored,
        (SELECT sum(ST_NPoints(geom))::int FROM boundary_generalised WHERE unit_kind = 'settlement' AND min_zoom = ${LEVEL}) AS generalised`.execute(engine.db);
    expect(rows[0]!.generalised).toBeLessThan(rows[0]!.stored / 5);
  });

  it('leaves every pair of neighbouring settlements touching', async () => {
    // Neighbours: their stored boundaries share a stretch of border (a line, not a point) and no area.
    const { rows } = await sql<{ neighbours: number; apart: string[] }>`
      WITH neighbours AS (
        SELECT a.code AS a, b.code AS b FROM settlement AS a JOIN settlement AS b ON a.code < b.code AND a.geom && b.geom
        WHERE ST_Relate(a.geom, b.geom, 'F***1****')
      )
      SELECT count(*)::int AS neighbours,
        coalesce(array_agg(n.a || '/' || n.b) FILTER (WHERE NOT ST_Intersects(ga.geom, gb.geom)), '{}') AS apart
      FROM neighbours AS n
      JOIN boundary_generalised AS ga ON ga.unit_kind = 'settlement' AND ga.min_zoom = ${LEVEL} AND ga.code = n.a::text
      JOIN boundary_generalised AS gb ON gb.unit_kind = 'settlement' AND gb.min_zoom = ${LEVEL} AND gb.code = n.b::text`.execute(engine.db);
    expect(rows[0]!.neighbours).toBeGreaterThan(9000);
    expect(rows[0]!.apart).toEqual([]);
  });

  it('opens no gap between settlements and lets them overlap by less than a pixel in all', async () => {
    // Holes of the country seen as the union of its settlements: the source has one (Margaret Island in Budapest,
    // no settlement row); a gap the generalisation opened would be another. Where two simplified arcs cross, the
    // repair leaves a sliver of overlap: their area, summed over the country, stays below a pixel at zoom 6.
    const { rows } = await sql<{ storedHoles: number; generalisedHoles: number; overlap: number }>`
      WITH generalised AS (SELECT geom FROM boundary_generalised WHERE unit_kind = 'settlement' AND min_zoom = ${LEVEL}),
      unions AS (
        SELECT (SELECT ST_Union(geom, ${GRID}::float8) FROM settlement) AS stored, (SELECT ST_Union(geom, ${GRID}::float8) FROM generalised) AS generalised
      ),
      holes AS (
        SELECT which, ST_Area(ST_MakePolygon(ST_InteriorRingN(part.geom, ring))) AS area
        FROM unions, LATERAL (VALUES ('stored', unions.stored), ('generalised', unions.generalised)) AS u(which, geom),
          LATERAL ST_Dump(u.geom) AS part, LATERAL generate_series(1, ST_NumInteriorRings(part.geom)) AS ring
      )
      SELECT
        (SELECT count(*)::int FROM holes WHERE which = 'stored' AND area > ${PIXEL_Z6 / 100}) AS "storedHoles",
        (SELECT count(*)::int FROM holes WHERE which = 'generalised' AND area > ${PIXEL_Z6 / 100}) AS "generalisedHoles",
        ((SELECT sum(ST_Area(geom)) FROM generalised) - (SELECT ST_Area(generalised) FROM unions)) / ${PIXEL_Z6} AS overlap`.execute(engine.db);
    expect(rows[0]!.generalisedHoles).toBe(rows[0]!.storedHoles);
    expect(Number(rows[0]!.overlap)).toBeLessThan(1);
  });

  it('draws each county as exactly its settlements: the layers share their simplified borders', async () => {
    // Measured against the stored boundaries, where Budapest's county holds Margaret Island and no settlement does.
    const { rows } = await sql<{ code: string; stored: number; generalised: number }>`
      WITH stored AS (SELECT county_code::text AS code, ST_Union(geom, ${GRID}::float8) AS geom FROM settlement GROUP BY county_code),
      generalised AS (
        SELECT u.county_code::text AS code, ST_Union(s.geom, ${GRID}::float8) AS geom
        FROM boundary_generalised AS s JOIN settlement AS u ON s.code = u.code::text
        WHERE s.unit_kind = 'settlement' AND s.min_zoom = ${LEVEL} GROUP BY u.county_code
      )
      SELECT c.code, ST_Area(ST_SymDifference(c.geom, st.geom, ${GRID}::float8)) / ${PIXEL_Z6} AS stored,
        ST_Area(ST_SymDifference(g.geom, ge.geom, ${GRID}::float8)) / ${PIXEL_Z6} AS generalised
      FROM county AS c JOIN stored AS st ON st.code = c.code::text JOIN generalised AS ge ON ge.code = c.code::text
        JOIN boundary_generalised AS g ON g.unit_kind = 'county' AND g.min_zoom = ${LEVEL} AND g.code = c.code::text
      ORDER BY c.code`.execute(engine.db);
    expect(rows).toHaveLength(20);
    for (const row of rows) expect(Math.abs(Number(row.generalised) - Number(row.stored)), `county ${row.code}`).toBeLessThan(1);
  });

  it('is rebuilt at start-up in a database loaded before its zoom level existed', async () => {
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM boundary_generalised WHERE min_zoom = 7`.execute(engine.db)).rows[0]!.n;
    const expected = await count();
    // What a database loaded before migration 017 holds: no rows for zoom 7.
    await sql`DELETE FROM boundary_generalised WHERE min_zoom = 7`.execute(engine.db);
    expect(await ensureBaseData(engine)).toBeNull();
    expect(await count()).toBe(expected);
  });
});
