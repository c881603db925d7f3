import { createHash } from 'node:crypto';
import { readCachedTile, writeCachedTile, type CachedTile, type CachedTileKey, type Engine } from '@terep/db';
import { LRUCache } from 'lru-cache';

export interface TileCacheOptions {
  /** Bytes of tiles kept in memory (least recently used dropped first); 0 keeps none. */
  maxBytes: number;
  /** Keep drawn tiles in the database (table tile_cache) so a restart does not redraw them. */
  persist: boolean;
}

export const DEFAULT_TILE_CACHE: TileCacheOptions = { maxBytes: 64 * 1024 * 1024, persist: true };

/**
 * Tiles by layer, z/x/y and geography data version: in memory within a byte budget, then in
 * the database, then drawn. Tiles drawn at the same moment for the same address are drawn once.
 */
export class TileCache {
  readonly #engine: Engine;
  readonly #options: TileCacheOptions;
  readonly #memory: LRUCache<string, CachedTile> | null;
  readonly #drawing = new Map<string, Promise<CachedTile>>();
  readonly #writes = new Set<Promise<void>>();

  constructor(engine: Engine, options: TileCacheOptions) {
    this.#engine = engine;
    this.#options = options;
    this.#memory = options.maxBytes > 0
      ? new LRUCache<string, CachedTile>({ maxSize: options.maxBytes, sizeCalculation: (tile) => Math.max(1, tile.bytes.byteLength) })
      : null;
  }

  /** `persist` false: this tile is cheaper to draw again than to read back, so the database tier is skipped for it. */
  async get(key: CachedTileKey, draw: () => Promise<Uint8Array>, persist = true): Promise<CachedTile> {
    const id = `${key.layer}/${key.z}/${key.x}/${key.y}@${key.dataVersion}`;
    const remembered = this.#memory?.get(id);
    if (remembered) return remembered;
    let pending = this.#drawing.get(id);
    if (!pending) {
      pending = this.#load(key, draw, persist && this.#options.persist).finally(() => this.#drawing.delete(id));
      this.#drawing.set(id, pending);
    }
    const tile = await pending;
    this.#memory?.set(id, tile);
    return tile;
  }

  /** Resolves when every tile drawn so far is in the database (for tests and shutdown). */
  async persisted(): Promise<void> {
    await Promise.all([...this.#writes]);
  }

  async #load(key: CachedTileKey, draw: () => Promise<Uint8Array>, persist: boolean): Promise<CachedTile> {
    if (persist) {
      const stored = await readCachedTile(this.#engine.db, key);
      if (stored) return stored;
    }
    const bytes = await draw();
    // The version is in the tag, so a tag from before a re-import never matches.
    const tile = { bytes, etag: `"${key.dataVersion}-${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
    if (persist) {
      // Written after answering: the request does not wait for it.
      const write = writeCachedTile(this.#engine.db, key, tile)
        .catch((error: unknown) => console.warn(`Terep: tile ${key.layer}/${key.z}/${key.x}/${key.y} not kept: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.#writes.delete(write));
      this.#writes.add(write);
    }
    return tile;
  }
}
