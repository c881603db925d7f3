import { createHash } from 'node:crypto';
import type { Engine } from '@terep/db';
import type { TravelCosts } from './travel-costs.ts';

/** Result bytes kept per engine: two all-settlements matrices (3,177², time and length: 161 MB each). */
const BUDGET_BYTES = 2 * 2 * 8 * 3177 * 3177;

interface Entry {
  costs: TravelCosts;
  bytes: number;
}

const caches = new WeakMap<Engine, { networkId: number; entries: Map<string, Entry>; bytes: number }>();

/**
 * Node-to-node travel costs of the loaded network, computed once per network
 * load and set of points (a planner reopening a country-wide analysis does
 * not wait for the matrix again). A new load starts an empty cache; the least
 * recently used matrices leave first when the byte budget is reached.
 */
export async function cachedTravelCosts(engine: Engine, networkId: number, sources: Int32Array, targets: Int32Array, compute: () => Promise<TravelCosts>): Promise<TravelCosts> {
  let cache = caches.get(engine);
  if (cache?.networkId !== networkId) {
    cache = { networkId, entries: new Map(), bytes: 0 };
    caches.set(engine, cache);
  }
  const key = createHash('sha256').update(new Uint8Array(sources.buffer, sources.byteOffset, sources.byteLength)).update('|')
    .update(new Uint8Array(targets.buffer, targets.byteOffset, targets.byteLength)).digest('hex');
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit.costs;
  }
  const costs = await compute();
  const bytes = costs.seconds.byteLength + costs.metres.byteLength;
  if (bytes > BUDGET_BYTES || caches.get(engine) !== cache) return costs;
  cache.entries.set(key, { costs, bytes });
  cache.bytes += bytes;
  for (const [oldKey, entry] of cache.entries) {
    if (cache.bytes <= BUDGET_BYTES) break;
    cache.entries.delete(oldKey);
    cache.bytes -= entry.bytes;
  }
  return costs;
}
