import type { TileFeature } from '@terep/db';
import { TILE_EXTENT } from '@terep/db';
import { fromGeojsonVt } from 'vt-pbf';

const MVT_POLYGON = 3;

/** Encodes features already in tile coordinates as one Mapbox Vector Tile layer (spec version 2). */
export function encodePolygonTile(layerName: string, features: readonly TileFeature[]): Uint8Array {
  const layer = {
    features: features.map((feature) => ({ id: feature.id, type: MVT_POLYGON, geometry: feature.rings, tags: feature.properties })),
  };
  // vt-pbf's types expect a geojson-vt tile object; ours has the same shape for the fields it reads.
  return fromGeojsonVt({ [layerName]: layer } as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: TILE_EXTENT });
}
