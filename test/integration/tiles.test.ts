import { VectorTile } from '@mapbox/vector-tile';
import { BoundaryTiles } from '../../api/src/tiles/boundary-tiles.ts';
import { createApi } from '@terep/api';
import { readCachedTile, readDataVersions, rebuildGeneralisedBoundaries, type Engine } from '@terep/db';
import { TileCache } from '../../api/src/tiles/tile-cache.ts';
import { clipPolygon } from 'lineclip';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { signedIn, type Client } from '../src/test-users.ts';

/** The z6 tiles that cover Hungary, and a z11 tile over Székesfehérvár. */
const TILES = [
  ...[34, 35, 36].flatMap((x) => [22, 23].map((y) => ({ z: 6, x, y }))),
  { z: 11, x: 1128, y: 719 },
];
/** One tile of every generalisation level (z5: the whole country at once; z7; z8-9; z10-11; z12 and up), over Székesfehérvár's county. */
const LEVEL_TILES = [{ z: 5, x: 17, y: 11 }, { z: 7, x: 70, y: 44 }, { z: 9, x: 282, y: 179 }, { z: 10, x: 565, y: 358 }, { z: 12, x: 2257, y: 1438 }];
const LAYERS = [['settlements', 'settlement'], ['districts', 'district'], ['counties', 'county']] as const;

interface DecodedFeature {
  id: number | undefined;
  properties: Record<string, unknown>;
  /** Box and area of what is drawn: the geometry clipped to the tile itself, without the buffer. */
  drawnBox: number[];
  drawnArea: number;
}

const TILE_BOX: [number, number, number, number] = [0, 0, 4096, 4096];

function decode(bytes: Uint8Array, layer: string): DecodedFeature[] {
  const tile = new VectorTile(new PbfReader(bytes));
  const found = tile.layers[layer];
  if (!found) return [];
  const features: DecodedFeature[] = [];
  for (let index = 0; index < found.length; index += 1) {
    const feature = found.feature(index);
    const drawnBox = [Infinity, Infinity, -Infinity, -Infinity];
    let drawnArea = 0;
    for (const ring of feature.loadGeometry()) {
      const drawn = clipPolygon(ring.map((point): [number, number] => [point.x, point.y]), TILE_BOX);
      for (const [at, [x, y]] of drawn.entries()) {
        const [nextX, nextY] = drawn[(at + 1) % drawn.length]!;
        drawnArea += x * nextY - nextX * y;
        drawnBox[0] = Math.min(drawnBox[0]!, x);
        drawnBox[1] = Math.min(drawnBox[1]!, y);
        drawnBox[2] = Math.max(drawnBox[2]!, x);
        drawnBox[3] = Math.max(drawnBox[3]!, y);
      }
    }
    features.push({ id: feature.id, properties: feature.properties, drawnBox, drawnArea: drawnArea / 2 });
  }
  return features.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

describe.each(engineCases())('vector tiles on $name', ({ name, open }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => engine?.close());

  it('serves every settlement of the country across the z6 tiles, with its attributes', async () => {
    const app = await signedIn(engine, createApi({ engine }));
    const ids = new Set<number>();
    for (const { z, x, y } of TILES.slice(0, 6)) {
      const response = await app.request(`/api/tiles/settlements/${z}/${x}/${y}.mvt`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
      expect(response.headers.get('x-tile-path')).toBe(name === 'pglite' ? 'app' : 'server');
      for (const feature of decode(new Uint8Array(await response.arrayBuffer()), 'settlements')) ids.add(feature.id!);
    }
    expect(ids.size).toBe(3177);
    const detail = decode(new Uint8Array(await (await app.request('/api/tiles/settlements/11/1128/719.mvt')).arrayBuffer()), 'settlements');
    expect(detail.find((feature) => feature.properties.code === '14827')?.properties).toEqual({
      code: '14827', name: 'Székesfehérvár', countyCode: '07', districtCode: '085', population: 96024,
    });
  });

  it('answers bad tile addresses with JSON errors', async () => {
    const app = await signedIn(engine, createApi({ engine }));
    for (const [path, status] of [['/api/tiles/rivers/6/35/22.mvt', 404], ['/api/tiles/settlements/6/64/22.mvt', 400], ['/api/tiles/settlements/99/1/1.mvt', 400], ['/api/tiles/settlements/6/35/22.png', 404]] as const) {
      const response = await app.request(path);
      expect(response.status, path).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBeTruthy();
    }
  });

  it('serves the same bytes and tag for the same tile, 304 on revalidation, and a new tag after the boundaries change', async () => {
    const app = await signedIn(engine, createApi({ engine }));
    // z5: where a server chose a parallel plan (and JIT) and the same tile came out in different bytes.
    const path = '/api/tiles/settlements/5/17/11.mvt';
    const first = await app.request(path);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    // A second app has an empty memory cache: it reads the tile kept in the database, or draws it again.
    // Another user: signing the same one in again would renew its password and end the first session.
    const second = await (await signedIn(engine, createApi({ engine, tileCache: { maxBytes: 0, persist: false } }), 'viewer')).request(path);
    expect(Buffer.from(await second.arrayBuffer()).equals(firstBytes)).toBe(true);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"\d+-[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(tag);
    expect(first.headers.get('cache-control')).toContain('max-age');

    const revalidated = await app.request(path, { headers: { 'If-None-Match': tag! } });
    expect(revalidated.status).toBe(304);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
    expect(revalidated.headers.get('etag')).toBe(tag);

    // What a base re-import does to the tiles' data: the generalised copies are rebuilt (same geometry, new data version).
    const before = await readDataVersions(engine.db);
    await engine.db.transaction().execute((trx) => rebuildGeneralisedBoundaries(trx));
    expect((await readDataVersions(engine.db)).geography).toBeGreaterThan(before.geography);
    const after = await app.request(path, { headers: { 'If-None-Match': tag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(Buffer.from(await after.arrayBuffer()).equals(firstBytes)).toBe(true);
  });

  it('keeps drawn tiles in the database for the next start, until the data version moves', async () => {
    const key = { layer: 'counties', z: 7, x: 70, y: 44, dataVersion: (await readDataVersions(engine.db)).geography };
    const cache = new TileCache(engine, { maxBytes: 0, persist: true });
    const drawn = await cache.get(key, () => new BoundaryTiles(engine).draw('counties', 'county', key, key.dataVersion));
    await cache.persisted();
    const restarted = new TileCache(engine, { maxBytes: 1024 * 1024, persist: true });
    const kept = await restarted.get(key, () => Promise.reject(new Error('a kept tile must not be drawn again')));
    expect(kept.etag).toBe(drawn.etag);
    expect(Buffer.from(kept.bytes).equals(Buffer.from(drawn.bytes))).toBe(true);
    await engine.db.updateTable('county').set((eb) => ({ name: eb.ref('name') })).where('code', '=', '01').execute();
    expect(await readCachedTile(engine.db, key)).toBeNull();
  });

  it('cuts tiles in the app from the boundaries of the current data version', async () => {
    const tiles = new BoundaryTiles(engine);
    const nameOf14827 = async () => {
      const { geography } = await readDataVersions(engine.db);
      const features = decode(await tiles.draw('settlements', 'settlement', { z: 11, x: 1128, y: 719 }, geography, 'app'), 'settlements');
      return features.find((feature) => feature.id === 14827)?.properties.name;
    };
    expect(await nameOf14827()).toBe('Székesfehérvár');
    try {
      await engine.db.updateTable('settlement').set({ name: 'Alba Regia' }).where('code', '=', '14827').execute();
      expect(await nameOf14827()).toBe('Alba Regia');
    } finally {
      await engine.db.updateTable('settlement').set({ name: 'Székesfehérvár' }).where('code', '=', '14827').execute();
    }
  });

  it('keeps in the database only the app-cut tiles that take longer to cut than to read back', async () => {
    const { geography: dataVersion } = await readDataVersions(engine.db);
    const layer = 'districts-kept-or-not';
    await engine.db.deleteFrom('tile_cache').where('layer', '=', layer).execute();
    const tiles = new BoundaryTiles(engine);
    const cache = new TileCache(engine, { maxBytes: 0, persist: true });
    const [coarse, detailed] = [{ z: 7, x: 70, y: 44 }, { z: 11, x: 1128, y: 719 }];
    for (const tile of [coarse, detailed]) {
      await cache.get({ layer, ...tile, dataVersion }, () => tiles.draw('districts', 'district', tile, dataVersion, 'app'), BoundaryTiles.worthPersisting(tile.z, 'app'));
    }
    await cache.persisted();
    expect(await readCachedTile(engine.db, { layer, ...coarse, dataVersion })).not.toBeNull();
    expect(await readCachedTile(engine.db, { layer, ...detailed, dataVersion })).toBeNull();
    // A tile drawn by ST_AsMVT costs a query either way: every one is kept.
    expect(BoundaryTiles.worthPersisting(detailed.z, 'server')).toBe(true);
    await engine.db.deleteFrom('tile_cache').where('layer', '=', layer).execute();
  });
});

/**
 * Tiles drawn in the app must hold what ST_AsMVT puts in the same tile: the same features in the same
 * order, the same attributes, and the same drawn geometry up to a pixel (16 of 4096 units at 256 px):
 * the box of each feature within the tile, and its area within the tile to a pixel's width along the
 * box's edge. Outside the tile, in the buffer that only keeps neighbouring tiles' edges seamless, the
 * two clippers may keep or drop a speck under a unit (wagyu on the server drops it), so it is not compared.
 */
function expectSameTile(server: Uint8Array, app: Uint8Array, layer: string, label: string): number {
  const [fromServer, fromApp] = [decode(server, layer), decode(app, layer)];
  expect(fromApp.map((feature) => feature.id), label).toEqual(fromServer.map((feature) => feature.id));
  expect(fromApp.map((feature) => feature.properties), label).toEqual(fromServer.map((feature) => feature.properties));
  for (const [index, feature] of fromApp.entries()) {
    const expected = fromServer[index]!;
    const boxDifference = Math.max(0, ...feature.drawnBox.map((value, corner) => (Number.isFinite(value) ? Math.abs(value - expected.drawnBox[corner]!) : 0)));
    expect(boxDifference, `${label} feature ${feature.id} box`).toBeLessThanOrEqual(16);
    const perimeter = 2 * (expected.drawnBox[2]! - expected.drawnBox[0]! + expected.drawnBox[3]! - expected.drawnBox[1]!);
    expect(Math.abs(feature.drawnArea - expected.drawnArea), `${label} feature ${feature.id} area`).toBeLessThanOrEqual(Math.max(256, 16 * perimeter));
  }
  return fromServer.length;
}

// PGlite has no ST_AsMVT: the two paths are compared where both exist, on the server engine
// (global-setup says loudly when DATABASE_URL is missing, and fails in CI).
const serverCase = engineCases().find((engineCase) => engineCase.name === 'postgis-server');
const embeddedCase = engineCases().find((engineCase) => engineCase.name === 'pglite')!;
describe.skipIf(!serverCase)('vector tile paths on the PostGIS server', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await serverCase!.open();
  });
  afterAll(async () => engine?.close());

  it('builds the same features and attributes through ST_AsMVT and in the app', async () => {
    expect(engine.capabilities.asMvt).toBe(true);
    const tiles = new BoundaryTiles(engine);
    const { geography } = await readDataVersions(engine.db);
    let compared = 0;
    for (const tile of [...TILES, ...LEVEL_TILES]) {
      for (const [layer, unitKind] of LAYERS) {
        const server = await tiles.draw(layer, unitKind, tile, geography, 'server');
        const app = await tiles.draw(layer, unitKind, tile, geography, 'app');
        compared += expectSameTile(server, app, layer, `${layer} ${tile.z}/${tile.x}/${tile.y}`);
      }
    }
    expect(compared).toBeGreaterThan(3177);
  });
});

describe.skipIf(!serverCase)('vector tiles across the engines', () => {
  let server: Engine;
  let embedded: Engine;
  beforeAll(async () => {
    [server, embedded] = await Promise.all([serverCase!.open(), embeddedCase.open()]);
  });
  afterAll(async () => Promise.all([server?.close(), embedded?.close()]));

  it('serves the same features, attributes and geometry from PGlite (drawn in the app) as from the server (ST_AsMVT)', async () => {
    const [fromServer, fromEmbedded] = [await signedIn(server, createApi({ engine: server })), await signedIn(embedded, createApi({ engine: embedded }))];
    let compared = 0;
    for (const tile of [...TILES, ...LEVEL_TILES]) {
      for (const [layer] of LAYERS) {
        const path = `/api/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt`;
        const [serverAnswer, embeddedAnswer] = [await fromServer.request(path), await fromEmbedded.request(path)];
        expect(serverAnswer.headers.get('x-tile-path')).toBe('server');
        expect(embeddedAnswer.headers.get('x-tile-path')).toBe('app');
        compared += expectSameTile(new Uint8Array(await serverAnswer.arrayBuffer()), new Uint8Array(await embeddedAnswer.arrayBuffer()), layer, path);
      }
    }
    expect(compared).toBeGreaterThan(3177);
  });
});
