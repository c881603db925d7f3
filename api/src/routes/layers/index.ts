import { HUNGARY_BBOX, unitBoundariesGeoJson, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { ApiError } from '../../http/api-error.ts';
import { bboxSchema, parseParam, zoomSchema } from '../../http/parse-query.ts';
import { BASE_LAYERS } from './layer-catalogue.ts';

export function layerRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', (c) => c.json({ layers: BASE_LAYERS }))
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const layer = BASE_LAYERS.find((entry) => entry.id === id);
      if (!layer) throw new ApiError(404, 'LAYER_NOT_FOUND', `Unknown layer "${id}". Known layers: ${BASE_LAYERS.map((entry) => entry.id).join(', ')}.`);
      const zoom = parseParam('zoom', c.req.query('zoom') ?? '7', zoomSchema);
      const bboxText = c.req.query('bbox');
      const bbox = bboxText === undefined ? HUNGARY_BBOX : parseParam('bbox', bboxText, bboxSchema);
      const body = await unitBoundariesGeoJson(engine.db, layer.unitKind, zoom, bbox);
      return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
    });
}
