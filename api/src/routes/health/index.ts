import { postgisVersion, summariseDatabase, type DatabaseSummary, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { PerVersion, type DataVersionReader } from '../../data-versions/data-version-reader.ts';

/** Health from memory: the row counts are counted again only when a data version moved. */
export function healthRoutes(engine: Engine, versions: DataVersionReader): Hono {
  const summary = new PerVersion<DatabaseSummary>();
  const postgis = new PerVersion<string>();
  return new Hono().get('/', async (c) => {
    const { geography, indicators } = await versions.current();
    const [counted, library] = await Promise.all([
      summary.get(`${geography}/${indicators}`, () => summariseDatabase(engine.db)),
      postgis.get(0, () => postgisVersion(engine.db)),
    ]);
    return c.json({ status: 'ok', engine: engine.kind, postgis: library, counts: counted.counts, population: counted.population });
  });
}
