import { postgisVersion, summariseDatabase, type Engine } from '@terep/db';
import { Hono } from 'hono';

export function healthRoutes(engine: Engine): Hono {
  return new Hono().get('/', async (c) => {
    const [summary, postgis] = await Promise.all([summariseDatabase(engine.db), postgisVersion(engine.db)]);
    return c.json({ status: 'ok', engine: engine.kind, postgis, counts: summary.counts, population: summary.population });
  });
}
