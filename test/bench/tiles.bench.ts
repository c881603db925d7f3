import { createApi } from '@terep/api';
import { BUNDLE_DIRECTORY, loadBase } from '@terep/data-import';
import { engineOptionsFromEnv, openEngine, readDataVersions, type Engine } from '@terep/db';
import { TILE_LAYERS } from '../../api/src/routes/tiles/index.ts';
import { BoundaryTiles } from '../../api/src/tiles/boundary-tiles.ts';
import { signedIn, type Client } from '../src/test-users.ts';
import { hungaryTiles, type TileAddress } from './hungary-tiles.ts';
import type { Benchmark } from './registry.ts';

const REPEATS = 5;
/** Tiles a country view and a county view ask for: all z7 settlement tiles, then some detail. */
const SAMPLE: TileAddress[] = [...hungaryTiles(7), { z: 9, x: 282, y: 179 }, { z: 10, x: 565, y: 358 }, { z: 11, x: 1128, y: 719 }, { z: 12, x: 2257, y: 1438 }];
const BUDGET_BYTES = 150 * 1024;

/** Median times of tasks run in turn (interleaved, so a busy moment of the machine hits all of them alike). */
async function medianMs(...tasks: (() => Promise<unknown>)[]): Promise<number[]> {
  const times = tasks.map((): number[] => []);
  for (let index = 0; index < REPEATS; index += 1) {
    for (const [task, run] of tasks.entries()) {
      const started = performance.now();
      await run();
      times[task]!.push(performance.now() - started);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!);
}

/** The server, or an embedded database: TEREP_BENCH_DATA_DIR when it holds the base data, else a fresh one in memory. */
async function openBenchEngine(): Promise<Engine> {
  const options = engineOptionsFromEnv();
  if (options.databaseUrl) return openEngine(options);
  const engine = await openEngine({ dataDir: process.env.TEREP_BENCH_DATA_DIR ?? 'memory://tiles-bench' });
  if (!process.env.TEREP_BENCH_DATA_DIR) await loadBase(engine, { directory: BUNDLE_DIRECTORY });
  return engine;
}

/** Issue 12, target 1: uncached API time against the raw SQL of the same tiles, the cached time, and the heaviest tile per zoom. */
export const tilesBenchmark: Benchmark = {
  description: `vector tiles: uncached API vs raw SQL (${SAMPLE.length} settlement tiles, median of ${REPEATS}), cached API, largest tile per layer and zoom`,
  async run() {
    const engine = await openBenchEngine();
    try {
      const path = engine.capabilities.asMvt ? 'ST_AsMVT' : 'app-encoded';
      console.log(`engine: ${engine.kind} (${path})`);
      // The tiles are for signed-in users: both apps send an admin's session cookie.
      const uncached = await signedIn(engine, createApi({ engine, tileCache: { maxBytes: 0, persist: false } }));
      const request = async (app: Client, tile: TileAddress) => {
        const response = await app.request(`/api/tiles/settlements/${tile.z}/${tile.x}/${tile.y}.mvt`);
        // An error answer is fast: it must not pass for a tile.
        if (response.status !== 200) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y}: ${response.status} ${await response.text()}`);
        return response.arrayBuffer();
      };
      // The tile without the API and its cache: on a server the whole tile query (ST_AsMVT in its transaction), embedded
      // the tile cut in the app from the level in memory (read from the database once, timed here).
      const drawer = new BoundaryTiles(engine);
      const { geography } = await readDataVersions(engine.db);
      const raw = (tile: TileAddress) => drawer.draw('settlements', 'settlement', tile, geography);
      const firstRead = performance.now();
      for (const tile of SAMPLE) await raw(tile);
      if (!engine.capabilities.asMvt) console.log(`reading the settlement levels of these tiles into memory and the first draw: ${(performance.now() - firstRead).toFixed(0)} ms`);
      // Another user: signing the admin in again would renew its password and end the first app's session.
      const cached = await signedIn(engine, createApi({ engine }), 'viewer');
      for (const tile of SAMPLE) await request(cached, tile);
      const [rawMs, apiMs, cachedMs] = await medianMs(
        async () => { for (const tile of SAMPLE) await raw(tile); },
        async () => { for (const tile of SAMPLE) await request(uncached, tile); },
        async () => { for (const tile of SAMPLE) await request(cached, tile); },
      ) as [number, number, number];
      console.log(`uncached API ${apiMs.toFixed(0)} ms, ${engine.capabilities.asMvt ? 'raw SQL' : 'drawn in the app without the API'} ${rawMs.toFixed(0)} ms: ratio ${(apiMs / rawMs).toFixed(2)} (target ≤ 1.1)`);
      console.log(`cached API ${cachedMs.toFixed(1)} ms for the same ${SAMPLE.length} tiles`);

      if (process.env.TEREP_BENCH_SIZES === '0') return;
      console.log('layer        zoom  tiles  largest KB  (budget 150 KB)');
      let worst = 0;
      for (const layer of Object.keys(TILE_LAYERS)) {
        // Every layer from z0, though the web asks for settlements from z5 only.
        for (let z = 0; z <= 10; z += 1) {
          let largest = 0;
          const tiles = hungaryTiles(z);
          for (const tile of tiles) {
            const response = await cached.request(`/api/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt`);
            if (response.status !== 200) throw new Error(`${layer} ${tile.z}/${tile.x}/${tile.y}: ${response.status} ${await response.text()}`);
            largest = Math.max(largest, (await response.arrayBuffer()).byteLength);
          }
          worst = Math.max(worst, largest);
          console.log(`${layer.padEnd(12)} ${String(z).padStart(4)} ${String(tiles.length).padStart(6)} ${(largest / 1024).toFixed(1).padStart(11)}`);
        }
      }
      console.log(`largest tile ${(worst / 1024).toFixed(1)} KB (target ≤ 150 KB: ${worst <= BUDGET_BYTES ? 'met' : 'NOT met'}); deeper zooms hold fewer features per tile`);
    } finally {
      await engine.close();
    }
  },
};
