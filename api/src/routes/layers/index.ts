import {
  HUNGARY_BBOX,
  institutionsGeoJson,
  NEED_CATEGORIES,
  needSignalsGeoJson,
  segregatedAreasGeoJson,
  unitBoundariesGeoJson,
  warehousesGeoJson,
  type BBox,
  type Engine,
  type NeedCategory,
} from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { bboxSchema, parseParam, queryList, zoomSchema } from '../../http/parse-query.ts';
import { LAYERS } from './layer-catalogue.ts';

interface LayerQuery {
  zoom: number;
  bbox: BBox;
  /** Filter values (`type`, `category`). */
  list(name: string): string[];
}

const categoryListSchema = z.array(z.enum(NEED_CATEGORIES as [NeedCategory, ...NeedCategory[]], { error: `must be among ${NEED_CATEGORIES.join(', ')}` }));
const typeListSchema = z.array(z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be service type keys' }));

/** How each layer is built; the catalogue says what it is. */
const BUILDERS: Record<string, (engine: Engine, query: LayerQuery) => Promise<string>> = {
  counties: (engine, { zoom, bbox }) => unitBoundariesGeoJson(engine.db, 'county', zoom, bbox),
  districts: (engine, { zoom, bbox }) => unitBoundariesGeoJson(engine.db, 'district', zoom, bbox),
  settlements: (engine, { zoom, bbox }) => unitBoundariesGeoJson(engine.db, 'settlement', zoom, bbox),
  'segregated-areas': (engine, { bbox }) => segregatedAreasGeoJson(engine.db, bbox),
  'need-signals': (engine, { bbox, list }) => needSignalsGeoJson(engine.db, bbox, parseParam('category', list('category'), categoryListSchema)),
  institutions: (engine, { bbox, list }) => institutionsGeoJson(engine.db, bbox, parseParam('type', list('type'), typeListSchema)),
  warehouses: (engine, { bbox }) => warehousesGeoJson(engine.db, bbox),
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
      const body = await build(engine, { zoom, bbox, list: (name) => queryList(c, name) });
      const origin = LAYERS.find((entry) => entry.id === id)?.origin;
      // Imported data changes with every import: only the base layers may be cached.
      return c.body(body, 200, {
        'Content-Type': 'application/geo+json; charset=utf-8',
        'Cache-Control': origin === 'base' ? 'public, max-age=300' : 'no-store',
      });
    });
}
