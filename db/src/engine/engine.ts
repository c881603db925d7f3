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
  /** Subscribes to a notification channel (one of `NOTIFICATION_CHANNELS`). */
  readonly watch: (channel: NotificationChannel, watcher: NotificationWatcher) => void;
  close(): Promise<void>;
}

/** The channels the database's triggers notify on (data-version bumps, migration 009; access changes, migration 018). */
export const NOTIFICATION_CHANNELS = ['terep_data_version', 'terep_access'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Told what a channel says, and whether every notification of it reaches this process. */
export interface NotificationWatcher {
  /**
   * One notification. Those sent by this process's own commits arrive at the commit, before it
   * returns (on a server every pooled connection listens too, and PostgreSQL hands a session its
   * own notifications before it reports the commit done); other processes' ones soon after theirs.
   */
  notify(payload: string): void;
  /**
   * `true`: from now on every notification reaches `notify`. `false`: some may be missed (the
   * server's listening connection dropped) until `true` comes again, after it listens again.
   */
  listening(sure: boolean): void;
}

export interface EngineOptions {
  /** postgres:// URL of a PostgreSQL server with PostGIS. When absent, the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Data directory of the embedded engine; `memory://` keeps it in memory. */
  dataDir?: string | undefined;
}

export const DEFAULT_DATA_DIR = '.terep/pgdata';
