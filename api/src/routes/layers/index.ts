import {
  activitiesGeoJson,
  CASE_DOMAINS,
  caseDensityGeoJson,
  helperAreasGeoJson,
  HUNGARY_BBOX,
  institutionsGeoJson,
  NEED_CATEGORIES,
  needSignalsGeoJson,
  partnerSeatsGeoJson,
  programmeAreasGeoJson,
  segregatedAreasGeoJson,
  unitBoundariesGeoJson,
  warehousesGeoJson,
  type BBox,
  type CaseDomain,
  type Engine,
  type ExactCounties,
  type NeedCategory,
} from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { bboxSchema, parseParam, queryList, recordIdSchema, zoomSchema } from '../../http/parse-query.ts';
import { exactCountiesOf } from '../../programmes/programme-access.ts';
import { LAYERS } from './layer-catalogue.ts';

interface LayerQuery {
  zoom: number;
  bbox: BBox;
  /** Filter values (`type`, `category`). */
  list(name: string): string[];
  /** One filter value (`programme`, `network`, `domain`, `from`, `to`). */
  one(name: string): string | undefined;
  /** Whose small counts the reader sees exactly (admins all, regional staff their counties). */
  exact: ExactCounties;
}

const categoryListSchema = z.array(z.enum(NEED_CATEGORIES as [NeedCategory, ...NeedCategory[]], { error: `must be among ${NEED_CATEGORIES.join(', ')}` }));
const typeListSchema = z.array(z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be service type keys' }));
const optionalId = recordIdSchema('an id').optional();
const domainSchema = z.enum(CASE_DOMAINS as [CaseDomain, ...CaseDomain[]], { error: `must be one of ${CASE_DOMAINS.join(', ')}` }).optional();
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' }).optional();
const idFilter = (query: LayerQuery, name: string) => parseParam(name, query.one(name), optionalId) ?? null;

/** How each layer is built; the catalogue says what it is. */
const BUILDERS: Record<string, (engine: Engine, query: LayerQuery) => Promise<string>> = {
  counties: (engine, { zoom, bbox }) => unitBoundariesGeoJson(engine.db, 'county', zoom, bbox),
  districts: (engine, { zoom, bbox }) => unitBoundariesGeoJson(engine.db, 'district', zoom, bbox),
  settlements: (engine, { zoom, bbox }) => unitBoundariesGeoJson(engine.db, 'settlement', zoom, bbox),
  'segregated-areas': (engine, { bbox }) => segregatedAreasGeoJson(engine.db, bbox),
  'need-signals': (engine, { bbox, list }) => needSignalsGeoJson(engine.db, bbox, parseParam('category', list('category'), categoryListSchema)),
  institutions: (engine, { bbox, list }) => institutionsGeoJson(engine.db, bbox, parseParam('type', list('type'), typeListSchema)),
  warehouses: (engine, { bbox }) => warehousesGeoJson(engine.db, bbox),
  // Programmes and the helper network (issue 15).
  'programme-areas': (engine, query) => programmeAreasGeoJson(engine.db, query.bbox, idFilter(query, 'programme')),
  'partner-seats': (engine, query) => partnerSeatsGeoJson(engine.db, query.bbox, idFilter(query, 'programme')),
  'helper-areas': (engine, query) => helperAreasGeoJson(engine.db, query.bbox, idFilter(query, 'network'), query.exact),
  'case-density': (engine, query) => caseDensityGeoJson(engine.db, query.bbox,
    { domain: parseParam('domain', query.one('domain'), domainSchema) ?? null, networkId: idFilter(query, 'network') }, query.exact),
  'programme-activities': (engine, query) => activitiesGeoJson(engine.db, query.bbox, {
    programmeId: idFilter(query, 'programme'), from: parseParam('from', query.one('from'), dateSchema) ?? null, to: parseParam('to', query.one('to'), dateSchema) ?? null,
  }),
};

export function layerRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', (c) => c.json({ layers: LAYERS }))
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const build = BUILDERS[id];
      if (!build) throw new ApiError(404, 'LAYER_NOT_FOUND', `Unknown layer "${id}". Known layers: ${LAYERS.map((entry) => entry.id).join(', ')}.`, { layer: id });
      const zoom = parseParam('zoom', c.req.query('zoom') ?? '7', zoomSchema);
      const bboxText = c.req.query('bbox');
      const bbox = bboxText === undefined ? HUNGARY_BBOX : parseParam('bbox', bboxText, bboxSchema);
      const body = await build(engine, { zoom, bbox, list: (name) => queryList(c, name), one: (name) => c.req.query(name), exact: exactCountiesOf(c.get('user')) });
      const origin = LAYERS.find((entry) => entry.id === id)?.origin;
      // Imported data changes with every import: only the base layers may be cached.
      return c.body(body, 200, {
        'Content-Type': 'application/geo+json; charset=utf-8',
        'Cache-Control': origin === 'base' ? 'public, max-age=300' : 'no-store',
      });
    });
}
