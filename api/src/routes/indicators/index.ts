import { indicatorValues, listIndicators, UNIT_KINDS, type Engine, type UnitKind } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { parseParam } from '../../http/parse-query.ts';
import { COMPONENT_SOURCES, KSH_ATTRIBUTION, type Attribution } from '../layers/layer-catalogue.ts';

const levelSchema = z.enum(UNIT_KINDS as [UnitKind, ...UnitKind[]], { error: `must be one of ${UNIT_KINDS.join(', ')}` });
const yearSchema = z.coerce.number({ error: 'must be a year' }).int({ error: 'must be a whole year' }).min(1800).max(2200);

const KNOWN_ATTRIBUTIONS = new Map([KSH_ATTRIBUTION, COMPONENT_SOURCES].map((entry) => [entry.text, entry]));

/** Attribution strings are stored as "a; b": split them into entries the map's attribution control lists, known ones with their English wording. */
function attributionEntries(text: string): Attribution[] {
  return text.split(';').map((part) => part.trim()).filter(Boolean)
    .map((part) => KNOWN_ATTRIBUTIONS.get(part) ?? { text: part });
}

export function indicatorRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => {
      const indicators = await listIndicators(engine.db);
      return c.json({
        indicators: indicators.map(({ attribution, categories, ...rest }) => ({
          ...rest,
          attribution: attributionEntries(attribution),
          ...(categories ? { categories } : {}),
        })),
      });
    })
    .get('/:key', async (c) => {
      const key = c.req.param('key');
      const level = parseParam('level', c.req.query('level') ?? 'settlement', levelSchema);
      const yearText = c.req.query('year');
      const year = yearText === undefined ? undefined : parseParam('year', yearText, yearSchema);
      const indicators = await listIndicators(engine.db);
      const indicator = indicators.find((entry) => entry.key === key);
      if (!indicator) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Unknown indicator "${key}".`, { indicator: key });
      const result = await indicatorValues(engine.db, key, level, year);
      if (!result) {
        throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Indicator "${key}" has no values at level "${level}"${year ? ` for ${year}` : ''}. Levels: ${indicator.levels.join(', ')}; years: ${indicator.years.join(', ')}.`, { reason: 'no-values', indicator: key, level, year: year ?? '' });
      }
      return c.json({ key, level, year: result.year, values: result.values });
    });
}
