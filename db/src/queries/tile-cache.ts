import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface CachedTileKey {
  layer: string;
  z: number;
  x: number;
  y: number;
  /** The geography data version the tile was drawn from. */
  dataVersion: number;
}

export interface CachedTile {
  bytes: Uint8Array;
  etag: string;
}

/** A persisted tile of this data version, or null. */
export async function readCachedTile(db: Kysely<Database>, key: CachedTileKey): Promise<CachedTile | null> {
  const row = await db.selectFrom('tile_cache').select(['bytes', 'etag'])
    .where('layer', '=', key.layer).where('z', '=', key.z).where('x', '=', key.x).where('y', '=', key.y)
    .where('data_version', '=', key.dataVersion).executeTakeFirst();
  return row ? { bytes: new Uint8Array(row.bytes), etag: row.etag } : null;
}

/** Keeps a tile across restarts; a geography change empties the table (trigger of migration 009). */
export async function writeCachedTile(db: Kysely<Database>, key: CachedTileKey, tile: CachedTile): Promise<void> {
  await db.insertInto('tile_cache')
    .values({ layer: key.layer, z: key.z, x: key.x, y: key.y, data_version: key.dataVersion, etag: tile.etag, bytes: tile.bytes })
    .onConflict((conflict) => conflict.columns(['layer', 'z', 'x', 'y']).doUpdateSet((eb) => ({
      data_version: eb.ref('excluded.data_version'), etag: eb.ref('excluded.etag'), bytes: eb.ref('excluded.bytes'),
    })).where((eb) => eb('tile_cache.data_version', '<=', eb.ref('excluded.data_version'))))
    .execute();
}
