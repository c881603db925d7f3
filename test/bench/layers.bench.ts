import { createApi } from '@terep/api';
import { signedIn } from '../src/test-users.ts';
import { BUNDLE_DIRECTORY, loadBase } from '@terep/data-import';
import { engineOptionsFromEnv, HUNGARY_BBOX, openEngine, unitBoundariesGeoJson, type Engine } from '@terep/db';
import type { Benchmark } from './registry.ts';

const REPEATS = 5;

async function medianMs(repeats: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < repeats; index += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function openLoadedEngine(): Promise<{ engine: Engine; loadSeconds: number | null }> {
  const options = engineOptionsFromEnv();
  if (options.databaseUrl) return { engine: await openEngine(options), loadSeconds: null };
  // Embedded: a fresh in-memory database, so the figure includes no disk cache effects.
  const engine = await openEngine({ dataDir: 'memory://bench' });
  const result = await loadBase(engine, { directory: BUNDLE_DIRECTORY });
  return { engine, loadSeconds: result.seconds };
}

/** Base import time, and the country view of each layer through the API beside the raw SQL that builds it. */
export const layersBenchmark: Benchmark = {
  description: 'base import and full-country layer GeoJSON (API vs raw SQL), median of 5',
  async run() {
    const { engine, loadSeconds } = await openLoadedEngine();
    try {
      console.log(`engine: ${engine.kind}${loadSeconds === null ? '' : `; base import from the bundle: ${loadSeconds.toFixed(1)} s`}`);
      const app = await signedIn(engine, createApi({ engine }));
      console.log('layer        zoom  features   bytes      api_ms   sql_ms');
      for (const [layer, unitKind] of [['counties', 'county'], ['districts', 'district'], ['settlements', 'settlement']] as const) {
        for (const zoom of [6, 9]) {
          const body = await (await app.request(`/api/layers/${layer}?zoom=${zoom}`)).text();
          const features = (JSON.parse(body) as { features: unknown[] }).features.length;
          const api = await medianMs(REPEATS, async () => (await app.request(`/api/layers/${layer}?zoom=${zoom}`)).text());
          const raw = await medianMs(REPEATS, () => unitBoundariesGeoJson(engine.db, unitKind, zoom, HUNGARY_BBOX));
          console.log(`${layer.padEnd(12)} ${String(zoom).padStart(4)}  ${String(features).padStart(8)}  ${String(body.length).padStart(8)}  ${api.toFixed(0).padStart(8)} ${raw.toFixed(0).padStart(8)}`);
        }
      }
    } finally {
      await engine.close();
    }
  },
};
