import { DATA_VERSION_CHANNEL, foldName, searchPlaces, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import type { DataVersionReader } from '../../data-versions/data-version-reader.ts';
import { WatchedCache } from '../../data-versions/watched-cache.ts';
import { CachedAnswer, sendCached } from '../../http/cached-answer.ts';
import { parseParam } from '../../http/parse-query.ts';

const querySchema = z
  .string({ error: 'is required' })
  .max(100, { error: 'must be at most 100 characters' })
  .refine((text) => foldName(text).length > 0, { error: 'must contain at least one letter or digit' });
const limitSchema = z.coerce.number({ error: 'must be a number' }).int().min(1, { error: 'must be 1 to 50' }).max(50, { error: 'must be 1 to 50' });

/** Distinct searches kept: the places' names change only with a base re-import, and what people type repeats. */
const KEPT_SEARCHES = 5_000;
const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' };

export function searchRoutes(engine: Engine, versions: DataVersionReader): Hono {
  // Dropped by the base geography's change notifications, as the data versions are.
  const answers = new WatchedCache<CachedAnswer>(engine, DATA_VERSION_CHANNEL, ['geography'], KEPT_SEARCHES);
  return new Hono().use(etag()).get('/', async (c) => {
    const query = parseParam('q', c.req.query('q'), querySchema);
    const limit = parseParam('limit', c.req.query('limit') ?? '10', limitSchema);
    // Searches that fold to the same text have the same answer (searchPlaces matches on the folded name).
    const key = `${limit}/${foldName(query)}`;
    const answer = answers.get(key) ?? (await answers.read(key, async () => {
      // The version read before the search: an answer that raced a change is not kept (WatchedCache), so its tag never outlives it.
      const { geography } = await versions.current();
      const results = await searchPlaces(engine.db, query, limit);
      return new CachedAnswer(JSON.stringify({ results }), `"g${geography}/${encodeURIComponent(key)}"`, ['br', 'gzip']);
    }))!;
    return sendCached(c, answer, JSON_HEADERS);
  });
}
