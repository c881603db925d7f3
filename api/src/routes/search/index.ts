import { foldName, searchPlaces, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { parseParam } from '../../http/parse-query.ts';

const querySchema = z
  .string({ error: 'is required' })
  .max(100, { error: 'must be at most 100 characters' })
  .refine((text) => foldName(text).length > 0, { error: 'must contain at least one letter or digit' });
const limitSchema = z.coerce.number({ error: 'must be a number' }).int().min(1, { error: 'must be 1 to 50' }).max(50, { error: 'must be 1 to 50' });

export function searchRoutes(engine: Engine): Hono {
  return new Hono().get('/', async (c) => {
    const query = parseParam('q', c.req.query('q'), querySchema);
    const limit = parseParam('limit', c.req.query('limit') ?? '10', limitSchema);
    return c.json({ results: await searchPlaces(engine.db, query, limit) });
  });
}
