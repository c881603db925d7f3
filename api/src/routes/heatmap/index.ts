import { NEED_CATEGORIES, settlementPoints, type Engine, type NeedCategory } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { decimalIntegerSchema, parseParam, queryList } from '../../http/parse-query.ts';
import { aggregateOnH3 } from '../../heatmap/aggregate-h3.ts';
import type { IndicatorReads } from '../../indicators/indicator-reads.ts';

/** H3 resolutions offered: 4 (~1,770 km² cells, a county's part) to 8 (~0.7 km², a village). */
const resolutionSchema = decimalIntegerSchema(4, 8, 'must be 4 to 8');
const categoriesSchema = z.array(z.enum(NEED_CATEGORIES as [NeedCategory, ...NeedCategory[]], { error: `must be among ${NEED_CATEGORIES.join(', ')}` }));

/** Need signals (and, optionally, an indicator such as a need index) aggregated on the H3 grid. */
export function heatmapRoutes(engine: Engine, indicators: IndicatorReads): Hono {
  return new Hono().get('/h3', async (c) => {
    const resolution = parseParam('resolution', c.req.query('resolution') ?? '6', resolutionSchema);
    const categories = parseParam('category', queryList(c, 'category'), categoriesSchema);
    const indicatorKey = c.req.query('indicator');
    if (indicatorKey) {
      const indicator = (await indicators.catalogue()).indicators.find((entry) => entry.key === indicatorKey);
      if (!indicator?.levels.includes('settlement')) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `No settlement values for indicator "${indicatorKey}".`, { indicator: indicatorKey });
    }
    const points = await settlementPoints(engine.db, { categories, indicatorKey });
    return c.json({ resolution, indicator: indicatorKey ?? null, categories, cells: aggregateOnH3(points, resolution) });
  });
}
