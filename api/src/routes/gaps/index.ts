import type { Engine, GapAnswer } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { decimalIntegerSchema, parseParam } from '../../http/parse-query.ts';
import { gapView } from '../../programmes/gap-view.ts';

const levelSchema = z.enum(['settlement', 'district'], { error: 'must be settlement or district' }).optional();
const needSchema = z.string().regex(/^[a-z0-9_:-]{1,80}$/, { error: 'must be an indicator key or need_signals' });
const radiusSchema = decimalIntegerSchema(0, 200).optional();
const limitSchema = decimalIntegerSchema(1, 3200).optional();
const percentileSchema = z.string().regex(/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/, { error: 'must be a share between 0 and 1' }).transform(Number).optional();

/** `GET /api/gaps?need=…&level=settlement|district&radiusKm=15&highNeed=0.8&limit=100`: figures only, no counts of persons. */
export function gapRoutes(engine: Engine): Hono {
  return new Hono().get('/', async (c) => c.json<GapAnswer>(await gapView(engine, {
    level: parseParam('level', c.req.query('level'), levelSchema) ?? 'settlement',
    need: parseParam('need', c.req.query('need'), needSchema),
    radiusKm: parseParam('radiusKm', c.req.query('radiusKm'), radiusSchema) ?? 15,
    highNeedPercentile: parseParam('highNeed', c.req.query('highNeed'), percentileSchema) ?? 0.8,
    limit: parseParam('limit', c.req.query('limit'), limitSchema) ?? 100,
  })));
}
