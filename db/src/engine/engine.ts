import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type EngineKind = 'embedded' | 'server';

/**
 * What one engine can do that the other cannot. Queries branch on these flags,
 * never on the engine's name.
 */
export interface EngineCapabilities {
  /** ST_AsMVT is compiled in (PostGIS with protobuf-c). PGlite lacks it. */
  readonly asMvt: boolean;
  /** The pgRouting extension is installed: road-network shortest paths run in the database. */
  readonly pgRouting: boolean;
}

/** The seam between Terep and a PostGIS database: everything above it is engine-agnostic. */
export interface Engine {
  readonly kind: EngineKind;
  readonly db: Kysely<Database>;
  readonly capabilities: EngineCapabilities;
  /** Where the data lives, for logs: a data directory or a redacted URL. */
  readonly location: string;
  /**
   * Subscribes to a notification channel where every notification reaches this process at the
   * commit that sent it, before that commit returns: only the embedded engine, whose database has
   * no other client. Absent on a server, where other processes write and notifications come late.
   */
  readonly listenAtCommit?: (channel: string, onNotify: (payload: string) => void) => Promise<void>;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** postgres:// URL of a PostgreSQL server with PostGIS. When absent, the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Data directory of the embedded engine; `memory://` keeps it in memory. */
  dataDir?: string | undefined;
}

export const DEFAULT_DATA_DIR = '.terep/pgdata';
