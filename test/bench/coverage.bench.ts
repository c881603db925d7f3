import { createApi } from '@terep/api';
import { signedIn } from '../src/test-users.ts';
import { BUNDLE_DIRECTORY, loadBase } from '@terep/data-import';
import { boundaryTileFeatures, boundaryTileFromServer, engineOptionsFromEnv, openEngine, settlementPoints, settlementReach, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { aggregateOnH3 } from '../../api/src/heatmap/aggregate-h3.ts';
import type { Benchmark } from './registry.ts';

const INSTITUTIONS = 300;
const SIGNALS = 100_000;
const REPEATS = 3;
const SEED = 20261123;

/** mulberry32: a small seeded generator, so the synthetic load is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function median(task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < REPEATS; index += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

/** z6 and z7 tiles covering Hungary: what a full-country view requests. */
function countryTiles(): { z: number; x: number; y: number }[] {
  const tiles: { z: number; x: number; y: number }[] = [];
  for (const z of [6, 7]) {
    const n = 2 ** z;
    const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
    const ty = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    for (let x = tx(16.1); x <= tx(22.9); x += 1) for (let y = ty(48.6); y <= ty(45.7); y += 1) tiles.push({ z, x, y });
  }
  return tiles;
}

/**
 * The synthetic load (labelled as such, seeded) lives only inside a transaction
 * that is rolled back, or in an in-memory database: never in a user's data.
 */
async function withSyntheticLoad(engine: Engine, measure: (db: Engine['db']) => Promise<void>): Promise<void> {
  const rollback = new Error('bench: roll back the synthetic load');
  await engine.db.transaction().execute(async (trx) => {
    const next = random(SEED);
    const { rows } = await sql<{ code: string }>`SELECT code FROM settlement ORDER BY code`.execute(trx);
    const codes = rows.map((row) => row.code);
    const run = await trx.insertInto('import_run').values({ kind: 'institutions', file_name: 'SYNTHETIC benchmark load', imported_by: 'bench', row_count: INSTITUTIONS, imported_count: INSTITUTIONS, skipped_count: 0, warning_count: 0 }).returning('id').executeTakeFirstOrThrow();
    const sites = Array.from({ length: INSTITUTIONS }, () => codes[Math.floor(next() * codes.length)]!);
    await sql`
      INSERT INTO institution (import_id, source_row, name, type_key, settlement_code, geom)
      SELECT ${run.id}, item.i, 'SYNTHETIC ' || item.i, 'social-kitchen', s.code, s.label_point
      FROM json_to_recordset(${JSON.stringify(sites.map((code, i) => ({ i, code })))}::json) AS item(i integer, code text)
      JOIN settlement s ON s.code = item.code`.execute(trx);
    const categories = ['food', 'heating', 'clothing', 'health', 'housing', 'child-welfare', 'debt', 'other'];
    const signals = Array.from({ length: SIGNALS }, () => ({ code: codes[Math.floor(next() * codes.length)], category: categories[Math.floor(next() * categories.length)], households: 1 + Math.floor(next() * 6) }));
    const signalRun = await trx.insertInto('import_run').values({ kind: 'need-signals', file_name: 'SYNTHETIC benchmark load', imported_by: 'bench', row_count: SIGNALS, imported_count: SIGNALS, skipped_count: 0, warning_count: 0 }).returning('id').executeTakeFirstOrThrow();
    for (let start = 0; start < signals.length; start += 20_000) {
      await sql`
        INSERT INTO need_signal (import_id, source_row, settlement_code, category, urgency, households, reported_on, organisation)
        SELECT ${signalRun.id}, 0, item.code, item.category, 'medium', item.households, DATE '2026-01-01', 'SYNTHETIC'
        FROM json_to_recordset(${JSON.stringify(signals.slice(start, start + 20_000))}::json) AS item(code text, category text, households integer)`.execute(trx);
    }
    await measure(trx as unknown as Engine['db']);
    throw rollback;
  }).catch((error: unknown) => {
    if (error !== rollback) throw error;
  });
}

export const coverageBenchmark: Benchmark = {
  description: `service coverage (3,177 settlements x ${INSTITUTIONS} synthetic institutions), H3 aggregation of ${SIGNALS.toLocaleString('en-US')} synthetic need signals, full-country tiles (API vs raw SQL); median of ${REPEATS}`,
  async run() {
    const options = engineOptionsFromEnv();
    const engine = options.databaseUrl ? await openEngine(options) : await openEngine({ dataDir: 'memory://bench-coverage' });
    try {
      if (!options.databaseUrl) await loadBase(engine, { directory: BUNDLE_DIRECTORY });
      console.log(`engine: ${engine.kind}; synthetic load, seed ${SEED}, rolled back after measuring`);
      await withSyntheticLoad(engine, async (db) => {
        const coverage = await median(() => settlementReach(db, { typeKeys: ['social-kitchen'], reachKm: 10, detourFactor: 1.3 }));
        console.log(`coverage, 10 km reach:                         ${coverage.toFixed(0).padStart(6)} ms`);
        const sum = await median(() => settlementPoints(db, { categories: [] }));
        console.log(`need signals summed per settlement (SQL):      ${sum.toFixed(0).padStart(6)} ms`);
        const points = await settlementPoints(db, { categories: [] });
        for (const resolution of [5, 6, 7, 8]) {
          const started = performance.now();
          const cells = aggregateOnH3(points, resolution);
          console.log(`H3 aggregation at resolution ${resolution}:               ${(performance.now() - started).toFixed(0).padStart(6)} ms (${cells.length} cells)`);
        }
      });
      const app = await signedIn(engine, createApi({ engine }));
      const tiles = countryTiles();
      let bytes = 0;
      const api = await median(async () => {
        bytes = 0;
        for (const { z, x, y } of tiles) bytes += (await (await app.request(`/api/tiles/settlements/${z}/${x}/${y}.mvt`)).arrayBuffer()).byteLength;
      });
      const raw = await median(async () => {
        for (const tile of tiles) {
          if (engine.capabilities.asMvt) await boundaryTileFromServer(engine.db, 'settlement', 'settlements', tile);
          else await boundaryTileFeatures(engine.db, 'settlement', tile);
        }
      });
      console.log(`country tiles (${tiles.length} tiles z6-z7, ${(bytes / 1024).toFixed(0)} KB), ${engine.capabilities.asMvt ? 'ST_AsMVT' : 'app-encoded'}: API ${api.toFixed(0)} ms, raw SQL ${raw.toFixed(0)} ms`);
    } finally {
      await engine.close();
    }
  },
};
