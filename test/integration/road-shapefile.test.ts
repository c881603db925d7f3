import { readFileSync } from 'node:fs';
import { createApi } from '@terep/api';
import { loadRoadNetwork, RoadFileError, type ShapefileParts } from '@terep/data-import';
import { activeRoadNetwork, readRoadHierarchy, removeRoadNetwork, snapToRoadNetwork, type Engine, type RoadNetworkUploadOutcome } from '@terep/db';
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hierarchyMatrix } from '../../api/src/network/hierarchy-matrix.ts';
import { deserialiseHierarchy } from '../../api/src/network/hierarchy-store.ts';
import { cachedRoadGraph } from '../../api/src/network/road-graph-cache.ts';
import { cachedRoadHierarchies } from '../../api/src/network/road-hierarchy-cache.ts';
import { ShortestPathSearch } from '../../api/src/network/shortest-path-search.ts';
import { Rng } from '../../api/src/routing/rng.ts';
import { HIERARCHY_MIN_POINTS, roadNetworkTravelMatrix } from '../../api/src/travel/road-network-matrix.ts';
import { travelMatrix, type LonLat } from '../../api/src/travel/travel-matrix.ts';
import { engineCases } from '../src/engines.ts';
import { IN_CI, REPO_ROOT, warnSkipped } from '../src/test-env.ts';
import { clearTestRoadNetwork } from '../src/road-fixtures.ts';
import { signedIn, TEST_ACTOR, type Client } from '../src/test-users.ts';

/** Budapest's primary and secondary roads in Geofabrik's shapefile layout (test/fixtures/geofabrik/README.md; © OpenStreetMap contributors, ODbL). */
const BASE = `${REPO_ROOT}/test/fixtures/geofabrik/budapest-main-roads`;
const PARTS: ShapefileParts = new Map(['.shp', '.dbf', '.prj', '.cpg'].map((extension) => [extension, new Uint8Array(readFileSync(BASE + extension))]));
const ZIP = zipSync(Object.fromEntries([...PARTS].map(([extension, bytes]) => [`budapest-main-roads${extension}`, bytes])));
const EOV_PRJ = 'PROJCS["HD72_EOV",GEOGCS["GCS_HD72",DATUM["D_Hungarian_1972",SPHEROID["GRS_1967",6378160.0,298.247167427]]]]';
/** Kossuth tér, beside the Parliament: on the main roads. */
const KOSSUTH_TER: LonLat = { lon: 19.0458, lat: 47.5071 };
/** Vienna: far from every Budapest road. */
const VIENNA: LonLat = { lon: 16.3738, lat: 48.2082 };

/** The .dbf with one field of one record overwritten (dBASE records are fixed width), or a field renamed. */
function patchedDbf(change: { record: number; field: string; value: string } | { rename: string; to: string }): Uint8Array {
  const dbf = new Uint8Array(PARTS.get('.dbf')!);
  const view = new DataView(dbf.buffer);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  let offset = 1;
  for (let descriptor = 32; dbf[descriptor] !== 0x0d; descriptor += 32) {
    const name = new TextDecoder().decode(dbf.subarray(descriptor, descriptor + 11)).replace(/\0.*$/, '');
    const length = dbf[descriptor + 16]!;
    if ('rename' in change && name === change.rename) {
      dbf.fill(0, descriptor, descriptor + 11);
      dbf.set(new TextEncoder().encode(change.to), descriptor);
      return dbf;
    }
    if ('record' in change && name === change.field) {
      const start = headerLength + (change.record - 1) * recordLength + offset;
      dbf.fill(0x20, start, start + length);
      dbf.set(new TextEncoder().encode(change.value), start);
      return dbf;
    }
    offset += length;
  }
  throw new Error(`no field ${JSON.stringify(change)}`);
}

function expectSameCosts(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let index = 0; index < expected.length; index += 1) {
    const want = expected[index]!;
    if (want === Infinity) expect(actual[index], `cell ${index}`).toBe(Infinity);
    else expect(Math.abs(actual[index]! - want), `cell ${index}: ${actual[index]} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
  }
}

describe.each(engineCases())('Geofabrik roads shapefile on $name', ({ name, open }) => {
  let engine: Engine;
  let app: Client;

  function load(fileName: string, bytes: Uint8Array, companions: ShapefileParts = new Map(), dryRun = false): Promise<RoadNetworkUploadOutcome> {
    return loadRoadNetwork(engine, { fileName, bytes, companions, importedBy: 'test', dryRun });
  }

  async function refusal(fileName: string, bytes: Uint8Array, companions: ShapefileParts = new Map()): Promise<RoadFileError> {
    const error = await load(fileName, bytes, companions, true).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(RoadFileError);
    return error as RoadFileError;
  }

  beforeAll(async () => {
    engine = await open();
    app = await signedIn(engine, createApi({ engine }));
    await clearTestRoadNetwork(engine);
  });
  afterAll(async () => {
    await removeRoadNetwork(engine.db, TEST_ACTOR);
    await engine?.close();
  });

  it('loads the real extract from a zip, and the same graph from the .shp with its files beside it', async () => {
    const dry = await load('budapest-main-roads.zip', ZIP, new Map(), true);
    expect(dry.report).toMatchObject({
      format: 'shapefile', highwayWays: 4900, drivableWays: 4900, cutWays: 0, byClass: { primary: 1902, secondary: 2998 },
      nodes: 4690, routableNodes: 4273, edges: 4939,
    });
    expect(dry.report.lengthKm).toBeCloseTo(536.651, 3);
    expect(await activeRoadNetwork(engine.db)).toBeNull();

    const { '.shp': shp, ...rest } = Object.fromEntries(PARTS);
    const outcome = await load('budapest-main-roads.shp', shp!, new Map(Object.entries(rest)));
    expect(outcome.report).toEqual({ ...dry.report, fileName: 'budapest-main-roads.shp' });
    expect(outcome.network).toMatchObject({ format: 'shapefile', nodes: 4690, routableNodes: 4273, edges: 4939, ways: 4900 });
  });

  it('keeps Geofabrik\'s directions, speeds and Hungarian names', async () => {
    const { rows } = await sql<{ oneway: number; edges: number; closed_backwards: number; closed_forwards: number }>`
      SELECT oneway, count(*)::int AS edges, count(*) FILTER (WHERE reverse_cost_s < 0)::int AS closed_backwards,
        count(*) FILTER (WHERE cost_s < 0)::int AS closed_forwards
      FROM road_edge GROUP BY oneway ORDER BY oneway`.execute(engine.db);
    // oneway F: drivable in the drawing direction only; B: both ways. The extract has no T.
    expect(rows).toEqual([
      { oneway: 0, edges: 2047, closed_backwards: 0, closed_forwards: 0 },
      { oneway: 1, edges: 2892, closed_backwards: 2892, closed_forwards: 0 },
    ]);
    const { rows: speeds } = await sql<{ highway: string; maxspeed: string | null; speed_kmh: number; edges: number }>`
      SELECT highway, maxspeed, speed_kmh, count(*)::int AS edges FROM road_edge
      WHERE maxspeed IS NULL OR maxspeed = '50' GROUP BY highway, maxspeed, speed_kmh ORDER BY highway, maxspeed`.execute(engine.db);
    // maxspeed 0 (unknown) takes the class's speed; a posted limit is kept.
    expect(speeds.map(({ edges: _, ...speed }) => speed)).toEqual([
      { highway: 'primary', maxspeed: '50', speed_kmh: 50 },
      { highway: 'primary', maxspeed: null, speed_kmh: 80 },
      { highway: 'secondary', maxspeed: '50', speed_kmh: 50 },
      { highway: 'secondary', maxspeed: null, speed_kmh: 70 },
    ]);
    const { rows: names } = await sql<{ name: string }>`SELECT DISTINCT name FROM road_edge WHERE name IN ('Kőbányai út', 'Szentlőrinci út', 'Kvassay Jenő út') ORDER BY name`.execute(engine.db);
    expect(names.map((row) => row.name)).toEqual(['Kvassay Jenő út', 'Kőbányai út', 'Szentlőrinci út']);
  });

  it('refuses a faulty shapefile with the record and the problem in English and Hungarian, and writes nothing', async () => {
    const before = await activeRoadNetwork(engine.db);
    const { '.dbf': _, ...withoutDbf } = Object.fromEntries(PARTS);
    const noDbf = await refusal('roads.zip', zipSync(Object.fromEntries(Object.entries(withoutDbf).map(([extension, bytes]) => [`roads${extension}`, bytes]))));
    expect(noDbf.problem).toMatch(/no \.dbf file/);
    expect(noDbf.problemHu).toMatch(/hiányzik a \.dbf fájl/);

    const noFclass = await refusal('roads.shp', PARTS.get('.shp')!, new Map([...PARTS, ['.dbf', patchedDbf({ rename: 'fclass', to: 'class' })]]));
    expect(noFclass.location).toBe('.dbf');
    expect(noFclass.problem).toMatch(/^no fclass column: expected the roads layer of Geofabrik's shapefiles/);
    expect(noFclass.problemHu).toMatch(/^nincs fclass oszlop/);

    const eov = await refusal('roads.shp', PARTS.get('.shp')!, new Map([...PARTS, ['.prj', new TextEncoder().encode(EOV_PRJ)]]));
    expect(eov.location).toBe('.prj');
    expect(eov.problem).toMatch(/HD72_EOV, not WGS 84/);
    expect(eov.problemHu).toMatch(/HD72_EOV vetületben vannak, nem WGS 84-ben/);

    const badOneway = await refusal('roads.shp', PARTS.get('.shp')!, new Map([...PARTS, ['.dbf', patchedDbf({ record: 7, field: 'oneway', value: 'X' })]]));
    expect(badOneway.message).toBe('roads.shp: feature 7: oneway is "X": expected B (both ways), F (drawing direction only) or T (against it only)');
    expect(badOneway.problemHu).toBe('a(z) 7. elem oneway értéke „X”: B (mindkét irány), F (csak a rajzolás iránya) vagy T (csak azzal szemben) lehet');

    const badSpeed = await refusal('roads.shp', PARTS.get('.shp')!, new Map([...PARTS, ['.dbf', patchedDbf({ record: 12, field: 'maxspeed', value: '-30' })]]));
    expect(badSpeed.location).toBe('feature 12');

    expect(await activeRoadNetwork(engine.db)).toEqual(before);
  });

  it('answers a faulty upload through the API with its location and both languages', async () => {
    const form = new FormData();
    form.append('file', new File([PARTS.get('.shp')!], 'roads.shp'));
    form.append('file', new File([patchedDbf({ record: 3, field: 'oneway', value: 'Q' })], 'roads.dbf'));
    form.append('file', new File([PARTS.get('.prj')!], 'roads.prj'));
    const response = await app.request('/api/road-network', { method: 'POST', body: form });
    expect(response.status).toBe(400);
    const body = await response.json() as { error: { code: string; params: Record<string, string> } };
    expect(body.error.code).toBe('ROAD_NETWORK_INVALID');
    expect(body.error.params).toMatchObject({ reason: 'road-file', location: 'feature 3' });
    expect(body.error.params.problemHu).toMatch(/^a\(z\) 3\. elem oneway értéke „Q”/);

    const zipForm = new FormData();
    zipForm.append('file', new File([ZIP], 'budapest-main-roads.zip'));
    const dry = await app.request('/api/road-network', { method: 'POST', body: zipForm });
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as RoadNetworkUploadOutcome).report).toMatchObject({ format: 'shapefile', edges: 4939 });
  });

  it('snaps points to the largest strongly connected part and reports the ones too far away', async () => {
    const matrix = await travelMatrix(engine, [KOSSUTH_TER, VIENNA], [KOSSUTH_TER, VIENNA]);
    expect(matrix.method.kind).toBe('road-network');
    expect(matrix.unroutable).toEqual({ origins: [1], destinations: [1] });
    expect(matrix.durationMin[0]).toBe(0);
    expect([matrix.durationMin[1], matrix.durationMin[2], matrix.durationMin[3]]).toEqual([Infinity, Infinity, Infinity]);
  });

  it('says "no path" (Infinity) between the 12 unconnected parts, by hierarchy and by Dijkstra alike, and both agree everywhere', async () => {
    const network = (await activeRoadNetwork(engine.db))!;
    const graph = await cachedRoadGraph(engine, network.id);
    // Weakly connected parts of the graph: 12 (the fixture's README counts 11, taking each multi-part line as one piece;
    // one of its three MultiLineStrings has parts that do not touch).
    const part = new Int32Array(graph.nodeCount).fill(-1);
    let parts = 0;
    const neighbours: number[][] = Array.from({ length: graph.nodeCount }, () => []);
    for (let node = 0; node < graph.nodeCount; node += 1) {
      for (let arc = graph.firstArc[node]!; arc < graph.firstArc[node + 1]!; arc += 1) {
        neighbours[node]!.push(graph.arcHead[arc]!);
        neighbours[graph.arcHead[arc]!]!.push(node);
      }
    }
    const firstOfPart: number[] = [];
    for (let start = 0; start < graph.nodeCount; start += 1) {
      if (part[start] !== -1) continue;
      firstOfPart.push(start);
      const stack = [start];
      part[start] = parts;
      while (stack.length > 0) {
        for (const next of neighbours[stack.pop()!]!) {
          if (part[next] === -1) {
            part[next] = parts;
            stack.push(next);
          }
        }
      }
      parts += 1;
    }
    expect(parts).toBe(12);

    const hierarchies = await cachedRoadHierarchies(engine, network.id);
    const rng = new Rng(12);
    const points = Int32Array.from([...firstOfPart, ...Array.from({ length: 60 }, () => rng.nextInt(graph.nodeCount))]);
    const search = new ShortestPathSearch(graph);
    for (const metric of ['seconds', 'metres'] as const) {
      const dijkstra = new Float64Array(points.length * points.length);
      points.forEach((source, row) => dijkstra.set(search.costsTo(source, points, metric), row * points.length));
      const byHierarchy = hierarchyMatrix(hierarchies[metric], points, points);
      expectSameCosts(byHierarchy, dijkstra);
      // Between the first nodes of two different parts there is no path either way.
      for (let a = 0; a < parts; a += 1) {
        for (let b = 0; b < parts; b += 1) if (a !== b) expect(byHierarchy[a * points.length + b]).toBe(Infinity);
      }
    }
  });

  it('keeps the built hierarchies in the database, so a restart reads them instead of rebuilding', async () => {
    const network = (await activeRoadNetwork(engine.db))!;
    const graph = await cachedRoadGraph(engine, network.id);
    const inMemory = await cachedRoadHierarchies(engine, network.id);
    for (const metric of ['seconds', 'metres'] as const) {
      const stored = await readRoadHierarchy(engine.db, network.id, metric);
      expect(stored).not.toBeNull();
      expect(deserialiseHierarchy(stored!, graph.nodeCount)).toEqual(inMemory[metric]);
    }
    expect(deserialiseHierarchy(new Uint8Array(16), graph.nodeCount)).toBeNull();
  });

  it('computes a large matrix on the hierarchies and agrees with the per-origin router', async () => {
    const network = (await activeRoadNetwork(engine.db))!;
    const { rows } = await sql<{ lon: number; lat: number }>`
      SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM road_node WHERE routable ORDER BY id`.execute(engine.db);
    const rng = new Rng(5);
    // Distinct routable nodes, each its own snapped point: the matrix is large enough for the hierarchies.
    const shuffled = [...rows];
    rng.shuffle(shuffled);
    const points: LonLat[] = shuffled.slice(0, HIERARCHY_MIN_POINTS);
    const matrix = await travelMatrix(engine, points, points);
    expect(matrix.router).toBe('in-app');
    expect(await travelMatrix(engine, points, points)).toEqual(matrix);
    // Plain Dijkstra from each snapped point.
    const graph = await cachedRoadGraph(engine, network.id);
    const nodes = Int32Array.from(await snapToRoadNetwork(engine.db, points), (point) => point.nodeId! - 1);
    const search = new ShortestPathSearch(graph);
    const dijkstraMinutes = new Float64Array(points.length * points.length);
    const dijkstraKm = new Float64Array(points.length * points.length);
    nodes.forEach((source, row) => {
      dijkstraMinutes.set(search.costsTo(source, nodes, 'seconds').map((seconds) => seconds / 60), row * points.length);
      dijkstraKm.set(search.costsTo(source, nodes, 'metres').map((metres) => metres / 1000), row * points.length);
    });
    expectSameCosts(matrix.durationMin, dijkstraMinutes);
    expectSameCosts(matrix.distanceKm, dijkstraKm);
    if (name === 'postgis-server') {
      if (!engine.capabilities.pgRouting) {
        if (IN_CI) throw new Error('CI must test the pgRouting path: the pgrouting extension is not installed on the PostGIS server.');
        warnSkipped('pgRouting comparison', 'the pgrouting extension is not installed on the server');
        return;
      }
      const some = points.slice(0, 40);
      const byPgRouting = await roadNetworkTravelMatrix(engine, network, some, some, 'pgrouting');
      expect(byPgRouting.router).toBe('pgrouting');
      const rowsOf = (values: Float64Array) => Float64Array.from({ length: some.length * some.length }, (_, cell) => values[Math.floor(cell / some.length) * points.length + (cell % some.length)]!);
      expectSameCosts(rowsOf(matrix.durationMin), byPgRouting.durationMin);
      expectSameCosts(rowsOf(matrix.distanceKm), byPgRouting.distanceKm);
    }
  });
});
