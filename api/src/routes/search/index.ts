import { foldName, searchPlaces, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { DataVersionReader } from '../../data-versions/data-version-reader.ts';
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
  // Keyed by the geography's version: a re-import makes every kept answer unreachable (and the LRU drops them).
  const answers = new LRUCache<string, Promise<CachedAnswer>>({ max: KEPT_SEARCHES });
  return new Hono().use(etag()).get('/', async (c) => {
    const query = parseParam('q', c.req.query('q'), querySchema);
    const limit = parseParam('limit', c.req.query('limit') ?? '10', limitSchema);
    const { geography } = await versions.current();
    // Searches that fold to the same text have the same answer (searchPlaces matches on the folded name).
    const key = `${geography}/${limit}/${foldName(query)}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = searchPlaces(engine.db, query, limit).then((results) => new CachedAnswer(JSON.stringify({ results }), `"g${encodeURIComponent(key)}"`, ['br', 'gzip']));
      answers.set(key, answer);
      // A failed search is not kept: the next one asks again.
      answer.catch(() => answers.get(key) === answer && answers.delete(key));
    }
    return sendCached(c, await answer, JSON_HEADERS);
  });
}
