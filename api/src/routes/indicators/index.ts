import { UNIT_KINDS, type UnitKind } from '@terep/db';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { parseParam } from '../../http/parse-query.ts';
import { PerVersion } from '../../data-versions/data-version-reader.ts';
import { CachedAnswer, sendCached } from '../../http/cached-answer.ts';
import { JSON_ENCODINGS, versionTag, type IndicatorReads } from '../../indicators/indicator-reads.ts';
import { COMPONENT_SOURCES, KSH_ATTRIBUTION, type Attribution } from '../layers/layer-catalogue.ts';

const levelSchema = z.enum(UNIT_KINDS as [UnitKind, ...UnitKind[]], { error: `must be one of ${UNIT_KINDS.join(', ')}` });
const yearSchema = z.coerce.number({ error: 'must be a year' }).int({ error: 'must be a whole year' }).min(1800).max(2200);

const KNOWN_ATTRIBUTIONS = new Map([KSH_ATTRIBUTION, COMPONENT_SOURCES].map((entry) => [entry.text, entry]));

/** Attribution strings are stored as "a; b": split them into entries the map's attribution control lists, known ones with their English wording. */
function attributionEntries(text: string): Attribution[] {
  return text.split(';').map((part) => part.trim()).filter(Boolean)
    .map((part) => KNOWN_ATTRIBUTIONS.get(part) ?? { text: part });
}

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' };

export function indicatorRoutes(reads: IndicatorReads): Hono {
  const catalogueAnswer = new PerVersion<CachedAnswer>();
  return new Hono()
    .use(etag())
    .get('/', async (c) => {
      const { version, indicators } = await reads.catalogue();
      const answer = await catalogueAnswer.get(version, async () => new CachedAnswer(JSON.stringify({
        indicators: indicators.map(({ attribution, categories, ...rest }) => ({
          ...rest,
          attribution: attributionEntries(attribution),
          ...(categories ? { categories } : {}),
        })),
      }), versionTag(version, 'catalogue'), JSON_ENCODINGS));
      return sendCached(c, answer, JSON_HEADERS);
    })
    .get('/:key', async (c) => {
      const key = c.req.param('key');
      const level = parseParam('level', c.req.query('level') ?? 'settlement', levelSchema);
      const yearText = c.req.query('year');
      const year = yearText === undefined ? undefined : parseParam('year', yearText, yearSchema);
      const { version, indicators } = await reads.catalogue();
      const indicator = indicators.find((entry) => entry.key === key);
      if (!indicator) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Unknown indicator "${key}".`, { indicator: key });
      const result = await reads.values(key, level, year, version);
      if (!result) {
        throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Indicator "${key}" has no values at level "${level}"${year ? ` for ${year}` : ''}. Levels: ${indicator.levels.join(', ')}; years: ${indicator.years.join(', ')}.`, { reason: 'no-values', indicator: key, level, year: year ?? '' });
      }
      return sendCached(c, result.answer, JSON_HEADERS);
    });
}
