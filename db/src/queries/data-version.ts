import type { Kysely } from 'kysely';
import { NOTIFICATION_CHANNELS } from '../engine/engine.ts';
import type { Database } from '../schema.ts';

/** Counters bumped by triggers on every write to the base geography or the indicators (migration 009). */
export interface DataVersions {
  geography: number;
  indicators: number;
}

/** The channel the version triggers announce a change on (payload: the scope). */
export const DATA_VERSION_CHANNEL = NOTIFICATION_CHANNELS[0];

export async function readDataVersions(db: Kysely<Database>): Promise<DataVersions> {
  const rows = await db.selectFrom('data_version').select(['scope', 'version']).execute();
  const versions: DataVersions = { geography: 0, indicators: 0 };
  for (const row of rows) versions[row.scope] = Number(row.version);
  return versions;
}
