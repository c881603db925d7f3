import { postgisVersion, summariseDatabase, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { PerVersion, type DataVersionReader } from '../../data-versions/data-version-reader.ts';
import { CachedAnswer, sendCached } from '../../http/cached-answer.ts';

/**
 * Health from memory: the answer (row counts and population) is built again only when a data
 * version moved, and served as stored bytes. About 200 bytes: not worth compressing.
 */
export function healthRoutes(engine: Engine, versions: DataVersionReader): Hono {
  const answer = new PerVersion<CachedAnswer>();
  const postgis = new PerVersion<string>();
  return new Hono().get('/', async (c) => {
    const { geography, indicators } = await versions.current();
    const version = `${geography}/${indicators}`;
    const health = await answer.get(version, async () => {
      const [counted, library] = await Promise.all([summariseDatabase(engine.db), postgis.get(0, () => postgisVersion(engine.db))]);
      const body = JSON.stringify({ status: 'ok', engine: engine.kind, postgis: library, counts: counted.counts, population: counted.population });
      return new CachedAnswer(body, `"h${geography}-${indicators}"`, []);
    });
    return sendCached(c, health, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
  });
}
