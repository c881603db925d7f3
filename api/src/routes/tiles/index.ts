import type { CachedTile, Engine, UnitKind } from '@terep/db';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { DataVersionReader } from '../../data-versions/data-version-reader.ts';
import { ApiError } from '../../http/api-error.ts';
import { CachedAnswer, sendCached } from '../../http/cached-answer.ts';
import { decimalIntegerSchema, parseParam } from '../../http/parse-query.ts';
import { BoundaryTiles, tilePathOf } from '../../tiles/boundary-tiles.ts';
import type { TileCache } from '../../tiles/tile-cache.ts';

export const TILE_LAYERS: Record<string, UnitKind> = { settlements: 'settlement', districts: 'district', counties: 'county' };
const MAX_TILE_ZOOM = 16;

/** gzip takes a quarter off a settlement tile; brotli, even at its slowest, a few per cent more. */
const TILE_ENCODINGS = ['gzip'] as const;

/** The x and y of each zoom, built once: a zod schema costs more to build than a cached tile to serve. */
const COORDINATE_SCHEMAS = Array.from({ length: MAX_TILE_ZOOM + 1 }, (_, zoom) => {
  const tileCount = 2 ** zoom;
  return decimalIntegerSchema(0, tileCount - 1, `must be 0 to ${tileCount - 1} at zoom ${zoom}`);
});
const ZOOM_SCHEMA = decimalIntegerSchema(0, MAX_TILE_ZOOM, `must be 0 to ${MAX_TILE_ZOOM}`);

export function tileRoutes(engine: Engine, versions: DataVersionReader, cache: TileCache): Hono {
  const path = tilePathOf(engine);
  const tiles = new BoundaryTiles(engine);
  // A kept tile's encoded copies live as long as the cache keeps the tile.
  const answers = new WeakMap<CachedTile, CachedAnswer>();
  // The tag is the cache's (sendCached sets it, per encoding): a revalidation with a matching If-None-Match gets 304 and no body.
  return new Hono().use(etag()).get('/:layer/:z/:x/:file', async (c) => {
    const layer = c.req.param('layer');
    const unitKind = TILE_LAYERS[layer];
    if (!unitKind) throw new ApiError(404, 'LAYER_NOT_FOUND', `No vector tiles for layer "${layer}". Tiled layers: ${Object.keys(TILE_LAYERS).join(', ')}.`, { layer });
    const file = c.req.param('file');
    if (!file.endsWith('.mvt')) throw new ApiError(404, 'NOT_FOUND', 'Tile addresses end in .mvt.');
    const zoom = parseParam('z', c.req.param('z'), ZOOM_SCHEMA);
    const coordinate = COORDINATE_SCHEMAS[zoom]!;
    const x = parseParam('x', c.req.param('x'), coordinate);
    const y = parseParam('y', file.slice(0, -'.mvt'.length), coordinate);
    const { geography } = await versions.current();
    const tile = await cache.get({ layer, z: zoom, x, y, dataVersion: geography }, () => tiles.draw(layer, unitKind, { z: zoom, x, y }, geography, path), BoundaryTiles.worthPersisting(zoom, path));
    let answer = answers.get(tile);
    if (!answer) {
      answer = new CachedAnswer(tile.bytes, tile.etag, TILE_ENCODINGS);
      answers.set(tile, answer);
    }
    return sendCached(c, answer, {
      'Content-Type': 'application/vnd.mapbox-vector-tile',
      // Boundaries change only with a base re-import: a minute without asking, then a cheap 304.
      'Cache-Control': 'public, max-age=60',
      'X-Tile-Path': path,
    });
  });
}
