import { boundaryTileFeatures, boundaryTileFromServer, type Engine, type UnitKind } from '@terep/db';
import { Hono } from 'hono';
import { ApiError } from '../../http/api-error.ts';
import { decimalIntegerSchema, parseParam } from '../../http/parse-query.ts';
import { encodePolygonTile } from '../../tiles/encode-tile.ts';

const TILE_LAYERS: Record<string, UnitKind> = { settlements: 'settlement', districts: 'district', counties: 'county' };
const MAX_TILE_ZOOM = 16;

const zoomSchema = decimalIntegerSchema(0, MAX_TILE_ZOOM, `must be 0 to ${MAX_TILE_ZOOM}`);

export type TilePath = 'server' | 'app';

/** Both tile paths, for the equivalence test and the benchmark; the route picks by capability. */
export async function boundaryTile(engine: Engine, layer: string, unitKind: UnitKind, tile: { z: number; x: number; y: number }, path: TilePath): Promise<Uint8Array> {
  if (path === 'server') return boundaryTileFromServer(engine.db, unitKind, layer, tile);
  return encodePolygonTile(layer, await boundaryTileFeatures(engine.db, unitKind, tile));
}

export function tileRoutes(engine: Engine): Hono {
  const path: TilePath = engine.capabilities.asMvt ? 'server' : 'app';
  return new Hono().get('/:layer/:z/:x/:file', async (c) => {
    const layer = c.req.param('layer');
    const unitKind = TILE_LAYERS[layer];
    if (!unitKind) throw new ApiError(404, 'LAYER_NOT_FOUND', `No vector tiles for layer "${layer}". Tiled layers: ${Object.keys(TILE_LAYERS).join(', ')}.`, { layer });
    const file = c.req.param('file');
    if (!file.endsWith('.mvt')) throw new ApiError(404, 'NOT_FOUND', 'Tile addresses end in .mvt.');
    const zoom = parseParam('z', c.req.param('z'), zoomSchema);
    const tileCount = 2 ** zoom;
    const coordinate = decimalIntegerSchema(0, tileCount - 1, `must be 0 to ${tileCount - 1} at zoom ${zoom}`);
    const x = parseParam('x', c.req.param('x'), coordinate);
    const y = parseParam('y', file.slice(0, -'.mvt'.length), coordinate);
    const body = await boundaryTile(engine, layer, unitKind, { z: zoom, x, y }, path);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.mapbox-vector-tile',
      'Cache-Control': 'public, max-age=300',
      'X-Tile-Path': path,
    });
  });
}
