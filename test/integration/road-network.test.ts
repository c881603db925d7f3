import { readFileSync } from 'node:fs';
import { createApi } from '@terep/api';
import { ImportError, loadRoadNetwork } from '@terep/data-import';
import { activeRoadNetwork, MAX_SNAP_DISTANCE_M, type CoverageSummary, pgRoutingPath, removeRoadNetwork, settlementReach, snapToRoadNetwork, type Engine, type RoadNetworkStatus, type RoadNetworkUploadOutcome } from '@terep/db';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedRoadGraph } from '../../api/src/network/road-graph-cache.ts';
import { ShortestPathSearch } from '../../api/src/network/shortest-path-search.ts';
import { roadNetworkTravelMatrix } from '../../api/src/travel/road-network-matrix.ts';
import { travelMatrix, travelPaths, type LonLat, type TravelMatrix } from '../../api/src/travel/travel-matrix.ts';
import { engineCases } from '../src/engines.ts';
import { IN_CI, REPO_ROOT, warnSkipped } from '../src/test-env.ts';
import { clearTestRoadNetwork } from '../src/road-fixtures.ts';
import { signedIn, TEST_ACTOR, type Client } from '../src/test-users.ts';

/** A real OpenStreetMap extract (West Oakland, see test/fixtures/osm/README.md) and its osmium GeoJSON export. */
const PBF = readFileSync(`${REPO_ROOT}/test/fixtures/osm/west-oakland.osm.pbf`);
const GEOJSON = readFileSync(`${REPO_ROOT}/test/fixtures/osm/west-oakland.geojson`);
/** Budapest, Kossuth tér: thousands of kilometres from the extract. */
const FAR_AWAY: LonLat = { lon: 19.0458, lat: 47.5071 };

const text = (value: string) => new TextEncoder().encode(value);

describe.each(engineCases())('road network on $name', ({ name, open }) => {
  let engine: Engine;
  let app: Client;
  let stops: LonLat[];

  function load(fileName: string, bytes: Uint8Array, dryRun = false): Promise<RoadNetworkUploadOutcome> {
    return loadRoadNetwork(engine, { fileName, bytes, importedBy: 'test', dryRun });
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

  it('estimates while no network is loaded, and says so', async () => {
    const matrix = await travelMatrix(engine, [FAR_AWAY], [FAR_AWAY]);
    expect(matrix.method.kind).toBe('straight-line-estimate');
  });

  it('loads the drivable roads of a real .osm.pbf extract as a graph of junctions', async () => {
    const dry = await load('west-oakland.osm.pbf', PBF, true);
    expect(dry.status).toBe('validated');
    expect(await activeRoadNetwork(engine.db)).toBeNull();

    const outcome = await load('west-oakland.osm.pbf', PBF);
    expect(outcome.report).toMatchObject({
      format: 'osm-pbf', highwayWays: 31, drivableWays: 22, cutWays: 0, nodes: 39, routableNodes: 26, edges: 46,
      byClass: { residential: 9, secondary: 5, service: 5, unclassified: 3 },
    });
    expect(outcome.network).toMatchObject({ fileName: 'west-oakland.osm.pbf', format: 'osm-pbf', nodes: 39, routableNodes: 26, edges: 46 });
    expect(outcome.report.lengthKm).toBeCloseTo(7.078, 3);

    const { rows } = await sql<{ oneway: number; edges: number; closed_backwards: number; length_gap: number }>`
      SELECT e.oneway, count(*)::int AS edges, count(*) FILTER (WHERE e.reverse_cost_s < 0)::int AS closed_backwards,
        max(abs(e.length_m / ST_Length(e.geom::geography) - 1))::float8 AS length_gap
      FROM road_edge e GROUP BY e.oneway ORDER BY e.oneway`.execute(engine.db);
    // The eight oneway=yes ways of the extract are drivable in their drawing direction only.
    expect(rows.find((row) => row.oneway === 1)).toMatchObject({ closed_backwards: rows.find((row) => row.oneway === 1)!.edges });
    expect(rows.find((row) => row.oneway === 0)?.closed_backwards).toBe(0);
    // Our great-circle lengths (sphere) agree with PostGIS's spheroid lengths within 0.5 %.
    for (const row of rows) expect(row.length_gap).toBeLessThan(0.005);
    const { rows: ends } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM road_node n
      WHERE (SELECT count(*) FROM road_edge e WHERE e.source = n.id OR e.target = n.id) = 0`.execute(engine.db);
    expect(ends[0]!.n).toBe(0);

    const { rows: nodes } = await sql<{ lon: number; lat: number }>`SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM road_node WHERE routable ORDER BY id`.execute(engine.db);
    stops = nodes.map((node) => ({ lon: node.lon, lat: node.lat }));
  });

  it('builds the same graph from the GeoJSON export of the same extract, replacing the loaded one', async () => {
    const before = (await activeRoadNetwork(engine.db))!;
    const pbfMatrix = await roadNetworkTravelMatrix(engine, before, stops, stops, 'in-app');
    const outcome = await load('west-oakland.geojson', GEOJSON);
    expect(outcome.report).toMatchObject({ format: 'geojson', drivableWays: 22, nodes: 39, routableNodes: 26, edges: 46 });
    expect(outcome.network!.id).toBeGreaterThan(before.id);
    const { rows } = await sql<{ status: string }>`SELECT status FROM road_network WHERE id = ${before.id}`.execute(engine.db);
    expect(rows[0]!.status).toBe('replaced');
    const geoJsonMatrix = await roadNetworkTravelMatrix(engine, outcome.network!, stops, stops, 'in-app');
    expectSameMatrix(geoJsonMatrix, pbfMatrix);
    await load('west-oakland.osm.pbf', PBF);
  });

  describe('a broken road file is reported with file, place and problem, and changes nothing', () => {
    const cases: { name: string; fileName: string; bytes: () => Uint8Array; message: RegExp }[] = [
      {
        name: 'malformed GeoJSON',
        fileName: 'roads.geojson',
        bytes: () => text('{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature" "properties": {}}\n]}'),
        message: /^roads\.geojson: line 3, column 22: malformed JSON/,
      },
      {
        name: 'a GeoJSON line in EOV metres',
        fileName: 'eov.geojson',
        bytes: () => text(JSON.stringify({ type: 'FeatureCollection', features: [
          { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[650000, 240000], [650100, 240000]] } },
        ] })),
        message: /^eov\.geojson: feature 1: position 1 \(650000, 240000\) is not WGS 84/,
      },
      {
        name: 'no drivable roads',
        fileName: 'paths.geojson',
        bytes: () => text(JSON.stringify({ type: 'FeatureCollection', features: [
          { type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: [[19.04, 47.5], [19.05, 47.5]] } },
        ] })),
        message: /^paths\.geojson: no drivable roads: 1 ways have a highway tag/,
      },
      { name: 'GeoJSON named .osm.pbf', fileName: 'roads.osm.pbf', bytes: () => GEOJSON, message: /^roads\.osm\.pbf: not an OpenStreetMap PBF file/ },
      { name: 'a truncated extract', fileName: 'cut.osm.pbf', bytes: () => PBF.subarray(0, 3000), message: /^cut\.osm\.pbf: the PBF data is damaged or truncated/ },
      { name: 'a file of another kind', fileName: 'roads.csv', bytes: () => text('név;lon;lat\n'), message: /^roads\.csv: unknown road file format/ },
    ];
    it.each(cases)('$name', async (entry) => {
      const before = await activeRoadNetwork(engine.db);
      const failure = await load(entry.fileName, entry.bytes()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ImportError);
      expect((failure as ImportError).message).toMatch(entry.message);
      expect(await activeRoadNetwork(engine.db)).toEqual(before);
    });
  });

  it('snaps points to the nearest routable node and reports those too far from one', async () => {
    const nearby = { lon: stops[0]!.lon + 0.0001, lat: stops[0]!.lat };
    const snapped = await snapToRoadNetwork(engine.db, [nearby, FAR_AWAY]);
    expect(snapped[0]!.nodeId).not.toBeNull();
    // 0.0001° of longitude at 37.8° N is 8.8 m.
    expect(snapped[0]!.distanceM).toBeCloseTo(8.8, 0);
    expect(snapped[1]!.nodeId).toBeNull();
    expect(snapped[1]!.distanceM).toBeGreaterThan(MAX_SNAP_DISTANCE_M);

    const matrix = await travelMatrix(engine, [FAR_AWAY, ...stops.slice(0, 3)], [...stops.slice(0, 3), FAR_AWAY]);
    expect(matrix.method).toEqual({ kind: 'road-network', detourFactor: 1 });
    expect(matrix.unroutable).toEqual({ origins: [0], destinations: [3] });
    expect([...matrix.durationMin.slice(0, 4)]).toEqual([Infinity, Infinity, Infinity, Infinity]);
    expect(matrix.durationMin[4]).toBe(0);
    expect(Number.isFinite(matrix.durationMin[5]!)).toBe(true);
  });

  it('answers travel times and distances along the roads, one-way streets included', async () => {
    const matrix = await roadNetworkTravelMatrix(engine, (await activeRoadNetwork(engine.db))!, stops, stops, 'in-app');
    const n = stops.length;
    let asymmetric = 0;
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        const km = matrix.distanceKm[i * n + j]!;
        expect(Number.isFinite(km), `${i} → ${j} is reachable: the stops are in one strongly connected part`).toBe(true);
        // Never shorter than the straight line (the stops are the nodes themselves).
        expect(km + 1e-9).toBeGreaterThanOrEqual(greatCircleKm(stops[i]!, stops[j]!) * 0.999);
        if (Math.abs(matrix.durationMin[i * n + j]! - matrix.durationMin[j * n + i]!) > 1e-6) asymmetric += 1;
      }
    }
    expect(asymmetric).toBeGreaterThan(0);
  });

  it('draws each leg along the roads, from the stop to the stop', async () => {
    const legs = [{ from: stops[0]!, to: stops[stops.length - 1]! }, { from: stops[1]!, to: FAR_AWAY }];
    const { method, paths, unroutableLegs } = await travelPaths(engine, legs);
    expect(method.kind).toBe('road-network');
    expect(paths[0]![0]).toEqual([stops[0]!.lon, stops[0]!.lat]);
    expect(paths[0]!.at(-1)).toEqual([stops.at(-1)!.lon, stops.at(-1)!.lat]);
    expect(paths[0]!.length).toBeGreaterThan(3);
    expect(unroutableLegs).toEqual([1]);
    expect(paths[1]).toEqual([[stops[1]!.lon, stops[1]!.lat], [FAR_AWAY.lon, FAR_AWAY.lat]]);
  });

  // pgRouting lives only on servers: the embedded engine registers no such test rather than skipping one.
  if (name === 'postgis-server') {
    it('gives the same answers with pgRouting as with the in-app router', async () => {
      if (!engine.capabilities.pgRouting) {
        if (IN_CI) throw new Error('CI must test the pgRouting path: the pgrouting extension is not installed on the PostGIS server.');
        warnSkipped('pgRouting comparison', 'the pgrouting extension is not installed on the server');
        return;
      }
      const network = (await activeRoadNetwork(engine.db))!;
      const inApp = await roadNetworkTravelMatrix(engine, network, stops, stops, 'in-app');
      const pgRouting = await roadNetworkTravelMatrix(engine, network, stops, stops, 'pgrouting');
      expect(pgRouting.router).toBe('pgrouting');
      expectSameMatrix(pgRouting, inApp);
      expect((await travelMatrix(engine, stops, stops)).router).toBe('pgrouting');

      const search = new ShortestPathSearch(await cachedRoadGraph(engine, network.id));
      const snapped = await snapToRoadNetwork(engine.db, stops);
      for (const [from, to] of [[0, stops.length - 1], [3, 17], [20, 5]] as const) {
        const source = snapped[from]!.nodeId!;
        const target = snapped[to]!.nodeId!;
        const inAppSteps = search.pathTo(source - 1, target - 1, 'seconds')!.map((step) => ({ edge: step.edge, from: step.from + 1 }));
        const pgSteps = (await pgRoutingPath(engine.db, source, target))!;
        expect(await pathSeconds(engine, pgSteps)).toBeCloseTo(await pathSeconds(engine, inAppSteps), 6);
        expect(await pathSeconds(engine, inAppSteps)).toBeCloseTo(inApp.durationMin[from * stops.length + to]! * 60, 6);
      }
      const drawn = await travelPaths(engine, [{ from: stops[0]!, to: stops[5]! }], 'in-app');
      const drawnByPgRouting = await travelPaths(engine, [{ from: stops[0]!, to: stops[5]! }], 'pgrouting');
      expect(drawnByPgRouting.router).toBe('pgrouting');
      expect(drawnByPgRouting.paths[0]!.length).toBeGreaterThan(2);
      expect(drawnByPgRouting.paths[0]![0]).toEqual(drawn.paths[0]![0]);
    });
  }

  describe('the HTTP API', () => {
    async function upload(fileName: string, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Response> {
      const form = new FormData();
      form.append('file', new File([bytes], fileName));
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      return app.request('/api/road-network', { method: 'POST', body: form });
    }

    it('reports, replaces and removes the network', async () => {
      const status = (await (await app.request('/api/road-network')).json()) as RoadNetworkStatus;
      expect(status).toMatchObject({ loaded: true, router: engine.capabilities.pgRouting ? 'pgrouting' : 'in-app', network: { fileName: 'west-oakland.osm.pbf', edges: 46 } });
      expect(status.network!.bbox[0]).toBeCloseTo(-122.3083331, 6);

      const dry = await upload('west-oakland.geojson', GEOJSON);
      expect(dry.status).toBe(200);
      expect(((await dry.json()) as RoadNetworkUploadOutcome).status).toBe('validated');

      const loaded = await upload('west-oakland.geojson', GEOJSON, { importedBy: 'api test', dryRun: 'false' });
      expect(loaded.status).toBe(201);
      expect(((await loaded.json()) as RoadNetworkUploadOutcome).network).toMatchObject({ fileName: 'west-oakland.geojson', importedBy: 'api test' });

      const broken = await upload('roads.osm.pbf', text('not a pbf'), { dryRun: 'false' });
      expect(broken.status).toBe(400);
      expect(await broken.json()).toEqual({
      error: {
        code: 'ROAD_NETWORK_INVALID',
        message: 'roads.osm.pbf: not an OpenStreetMap PBF file: it does not begin with an OSMHeader block',
        params: { location: '', problem: 'not an OpenStreetMap PBF file: it does not begin with an OSMHeader block' },
      },
    });
      const noFile = await app.request('/api/road-network', { method: 'POST', body: new FormData() });
      expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('INVALID_PARAMETER');

      // Coverage measures on the network once one is loaded (Hungary's settlements are far from this extract: none is reached).
      const coverage = (await (await app.request('/api/coverage?type=social-kitchen&reachKm=10')).json()) as CoverageSummary;
      expect(coverage.distanceMethod).toEqual({ kind: 'road-network', detourFactor: 1 });
      expect(Object.values(coverage.bySettlement).every((entry) => entry.distanceKm === null && !entry.covered)).toBe(true);
      const reach = await settlementReach(engine.db, { typeKeys: ['social-kitchen'], reachKm: 10, detourFactor: 1.3, roadDistanceKm: new Map([['03939', 7.5], ['14492', 12]]) });
      expect(reach.filter((place) => place.distanceKm !== null).map((place) => [place.code, place.distanceKm, place.covered])).toEqual([['03939', 7.5, true], ['14492', 12, false]]);

      const removed = await app.request('/api/road-network', { method: 'DELETE' });
      expect(removed.status).toBe(200);
      expect(((await (await app.request('/api/road-network')).json()) as RoadNetworkStatus).loaded).toBe(false);
      const again = await app.request('/api/road-network', { method: 'DELETE' });
      expect(again.status).toBe(404);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('ROAD_NETWORK_NOT_FOUND');
    });

    it('refuses a file above the size limit', async () => {
      const { roadNetworkRoutes } = await import('../../api/src/routes/road-network/index.ts');
      const { handleError } = await import('../../api/src/http/api-error.ts');
      const small = roadNetworkRoutes(engine, 1024);
      small.onError(handleError);
      const form = new FormData();
      form.append('file', new File([new Uint8Array(200 * 1024)], 'big.osm.pbf'));
      const response = await small.request('/', { method: 'POST', body: form });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    });
  });
});

function expectSameMatrix(actual: TravelMatrix, expected: TravelMatrix): void {
  expect(actual.unroutable).toEqual(expected.unroutable);
  expect(actual.distanceKm.length).toBe(expected.distanceKm.length);
  expected.distanceKm.forEach((km, index) => {
    expect(actual.distanceKm[index]).toBeCloseTo(km, 9);
    expect(actual.durationMin[index]).toBeCloseTo(expected.durationMin[index]!, 9);
  });
}

async function pathSeconds(engine: Engine, steps: readonly { edge: number; from: number }[]): Promise<number> {
  if (steps.length === 0) return 0;
  const items = JSON.stringify(steps);
  const { rows } = await sql<{ seconds: number }>`
    SELECT sum(CASE WHEN e.source = step."from" THEN e.cost_s ELSE e.reverse_cost_s END)::float8 AS seconds
    FROM json_to_recordset(${items}::json) AS step(edge integer, "from" integer) JOIN road_edge e ON e.id = step.edge`.execute(engine.db);
  return rows[0]!.seconds;
}

function greatCircleKm(a: LonLat, b: LonLat): number {
  const radians = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * radians) / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(((b.lon - a.lon) * radians) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
