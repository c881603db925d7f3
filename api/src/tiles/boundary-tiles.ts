import { boundaryLevelFeatures, boundaryTileFromServer, generalisationBucket, GENERALISATION_LEVELS, tileAttributeNames, type Engine, type TileAddress, type UnitKind } from '@terep/db';
import { cutTile, projectBoundary, type ProjectedBoundary } from './cut-tile.ts';
import { encodePolygonTile } from './encode-tile.ts';

/**
 * Where a tile is drawn: `server` is ST_AsMVT in PostGIS; `app` cuts it in this process from
 * the layer's boundaries at the tile's generalisation level, kept in memory per data version.
 */
export type TilePath = 'server' | 'app';

/**
 * From this zoom a tile holds a few dozen boundaries at most, and the app cuts it faster than PGlite
 * reads a kept tile back (measured under load: 1-5 ms to cut a z10-z11 tile, 4 ms to miss in
 * `tile_cache`, 7 ms to read a tile there, 14 ms to write one), so such tiles stay in memory only.
 * Coarser ones (the country and its regions: up to 200 ms to cut) are kept for the next start.
 */
const APP_CUTS_FASTER_FROM_ZOOM = 8;

/** The path the API draws tiles on: PostGIS where it can encode them (PGlite's cannot). */
export function tilePathOf(engine: Engine): TilePath {
  return engine.capabilities.asMvt ? 'server' : 'app';
}

/**
 * Draws boundary tiles on either path. The app path reads each layer's level once per geography
 * data version (a few MB each: settlements at full detail are about 430,000 points, 7 MB; all
 * 15 layer levels 1.45 million points, 23 MB), and the next finer level behind it, and then needs
 * the database for no tile: PGlite runs every query on this process's one thread, where a tile
 * query took about 160 ms (projection, clipping, repair and GeoJSON output in WebAssembly GEOS)
 * and held back every other request meanwhile.
 */
export class BoundaryTiles {
  readonly #engine: Engine;
  /** Levels of the geography data version `#version`, by layer and level. */
  readonly #levels = new Map<string, Promise<ProjectedBoundary[]>>();
  #version = -1;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  /** Whether a tile drawn on this path is worth keeping in the database (`TileCache.get`'s `persist`). */
  static worthPersisting(z: number, path: TilePath): boolean {
    return path === 'server' || z < APP_CUTS_FASTER_FROM_ZOOM;
  }

  async draw(layer: string, unitKind: UnitKind, tile: TileAddress, dataVersion: number, path: TilePath = tilePathOf(this.#engine)): Promise<Uint8Array> {
    if (path === 'server') return boundaryTileFromServer(this.#engine.db, unitKind, layer, tile);
    const boundaries = await this.#level(unitKind, tile.z, dataVersion);
    return encodePolygonTile(layer, cutTile(boundaries, tile, tileAttributeNames(unitKind, tile.z)));
  }

  #level(unitKind: UnitKind, z: number, dataVersion: number): Promise<ProjectedBoundary[]> {
    const read = (zoom: number) => boundaryLevelFeatures(this.#engine.db, unitKind, zoom).then((features) => features.map(projectBoundary));
    // A request that read an older version than the one held (it raced a re-import) is drawn without keeping anything.
    if (dataVersion < this.#version) return read(z);
    if (dataVersion > this.#version) {
      this.#levels.clear();
      this.#version = dataVersion;
    }
    const keep = (zoom: number): Promise<ProjectedBoundary[]> => {
      const key = `${unitKind}/${generalisationBucket(zoom)}`;
      let level = this.#levels.get(key);
      if (!level) {
        level = read(zoom);
        // A failed read is not kept: the next tile of the level reads it again.
        level.catch(() => this.#levels.get(key) === level && this.#levels.delete(key));
        this.#levels.set(key, level);
      }
      return level;
    };
    const level = keep(z);
    // Who looks at a level soon zooms in: the next finer one is read behind it, in pages between
    // requests, so the first tiles there do not wait for a whole level (1-3 s under load).
    const finer = GENERALISATION_LEVELS.find((candidate) => candidate.minZoom > z);
    if (finer) void level.then(() => (this.#version === dataVersion ? keep(finer.minZoom) : null)).catch(() => undefined);
    return level;
  }
}
