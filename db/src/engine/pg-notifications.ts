import pg from 'pg';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationWatcher } from './engine.ts';

/** How long the listening connection waits before it tries again after a failure, first and at most. */
const RETRY_MS = { first: 500, max: 30_000 };

/** Names the listening connection in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'terep-notifications';

/**
 * Notifications of a PostgreSQL server, on two paths:
 * - every pooled connection LISTENs, so a commit of this process hears its own notification before
 *   the commit returns (PostgreSQL sends a session its own notifications ahead of the commit's end);
 * - one dedicated connection LISTENs for the other processes' ones, which come whenever they commit.
 * Each notification is delivered once, by one path: a pooled connection passes on only its own
 * backend's, the dedicated one only those of backends outside the pool. (Every listening session
 * gets a copy; passed on by each, the copies came in one by one after the change and each dropped
 * the caches filled since.)
 * If the dedicated connection drops, watchers hear `listening(false)` and then, once it listens
 * again (retrying with a growing pause), `listening(true)`.
 */
export class PgNotifications {
  readonly #config: pg.ClientConfig;
  readonly #watchers = new Map<NotificationChannel, Set<NotificationWatcher>>();
  #listener: pg.Client | null = null;
  #retryMs = RETRY_MS.first;
  #retry: NodeJS.Timeout | null = null;
  #started = false;
  #closed = false;
  /** The backend process ids of the pool's connections. */
  readonly #pooled = new Set<number>();

  /** Call before the pool opens its first connection, so that every connection listens. */
  constructor(pool: pg.Pool, config: pg.ClientConfig) {
    this.#config = { ...config, application_name: LISTENER_APPLICATION_NAME, keepAlive: true };
    pool.on('connect', (client) => {
      // Set by pg at connect from the server's BackendKeyData; @types/pg does not declare it.
      const backend = (client as pg.PoolClient & { processID: number }).processID;
      this.#pooled.add(backend);
      client.on('end', () => this.#pooled.delete(backend));
      client.on('notification', (message) => {
        if (message.processId === backend) this.#deliver(message);
      });
      // Queued ahead of whatever the pool hands the connection out for; a failure shows in that query.
      // One query for all channels: a second queued one makes pg warn (and pg@9 refuse) the pool's query.
      client.query(NOTIFICATION_CHANNELS.map((channel) => `LISTEN ${pg.escapeIdentifier(channel)}`).join('; ')).catch(() => {});
    });
  }

  watch(channel: NotificationChannel, watcher: NotificationWatcher): void {
    const watchers = this.#watchers.get(channel) ?? new Set();
    watchers.add(watcher);
    this.#watchers.set(channel, watchers);
    if (this.#listener) watcher.listening(true);
    if (!this.#started) {
      this.#started = true;
      void this.#listen();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const listener = this.#listener;
    this.#listener = null;
    await listener?.end().catch(() => {});
  }

  async #listen(): Promise<void> {
    this.#retry = null;
    if (this.#closed) return;
    const client = new pg.Client(this.#config);
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.#lost(client);
    };
    client.on('notification', (message) => {
      if (!this.#pooled.has(message.processId)) this.#deliver(message);
    });
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      for (const channel of NOTIFICATION_CHANNELS) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      onLost();
      return;
    }
    if (lost) return;
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#listener = client;
    this.#retryMs = RETRY_MS.first;
    for (const watchers of this.#watchers.values()) for (const watcher of watchers) watcher.listening(true);
  }

  #lost(client: pg.Client): void {
    void client.end().catch(() => {});
    if (this.#closed) return;
    if (this.#listener === client) {
      this.#listener = null;
      for (const watchers of this.#watchers.values()) for (const watcher of watchers) watcher.listening(false);
    }
    this.#retry = setTimeout(() => void this.#listen(), this.#retryMs);
    // A process that has nothing else to do may end while it waits to listen again.
    this.#retry.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MS.max);
  }

  #deliver(message: pg.Notification): void {
    const watchers = this.#watchers.get(message.channel as NotificationChannel);
    if (watchers) for (const watcher of watchers) watcher.notify(message.payload ?? '');
  }
}
