import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Which arc cost a hierarchy minimises: travel seconds or metres. */
export type HierarchyMetric = 'seconds' | 'metres';

/** Bytes per stored part: a country's hierarchy (~100 MB) in pieces either engine moves comfortably. */
const PART_BYTES = 8 * 1024 * 1024;

/** The stored hierarchy of a network load, its parts joined; null when none was stored. */
export async function readRoadHierarchy(db: Kysely<Database>, networkId: number, metric: HierarchyMetric): Promise<Uint8Array | null> {
  const { rows } = await sql<{ bytes: Uint8Array }>`
    SELECT bytes FROM road_hierarchy WHERE network_id = ${networkId} AND metric = ${metric} ORDER BY part`.execute(db);
  if (rows.length === 0) return null;
  const whole = new Uint8Array(rows.reduce((sum, row) => sum + row.bytes.byteLength, 0));
  let offset = 0;
  for (const row of rows) {
    whole.set(row.bytes, offset);
    offset += row.bytes.byteLength;
  }
  return whole;
}

/**
 * Keeps a hierarchy for the network load it was built on, replacing any stored
 * before, in one transaction (a reader never joins half of one). Nothing is
 * stored when the network is no longer the active one.
 */
export async function writeRoadHierarchy(db: Kysely<Database>, networkId: number, metric: HierarchyMetric, bytes: Uint8Array): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`SELECT id FROM road_network WHERE id = ${networkId} AND status = 'active' FOR UPDATE`.execute(trx);
    if (rows.length === 0) return false;
    await sql`DELETE FROM road_hierarchy WHERE network_id = ${networkId} AND metric = ${metric}`.execute(trx);
    for (let part = 0; part * PART_BYTES < bytes.byteLength; part += 1) {
      const start = part * PART_BYTES;
      // A Buffer: node-postgres sends only Buffers as bytea (PGlite takes either).
      const piece = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(PART_BYTES, bytes.byteLength - start));
      await sql`INSERT INTO road_hierarchy (network_id, metric, part, bytes) VALUES (${networkId}, ${metric}, ${part}, ${piece})`.execute(trx);
    }
    return true;
  });
}
