import type { Engine, NotificationChannel } from '@terep/db';
import { LRUCache } from 'lru-cache';

/**
 * Values kept in memory until the database announces a change that may touch them: a notification
 * on `channel` naming one of `tables` drops them all (changes of access are rare; dropping all is
 * simplest and exact). The triggers notify from whichever process writes; this process's own
 * writes arrive at their commit, before it returns. A value whose read overlapped a notification is
 * not kept (it may predate the change), and nothing is kept while the engine cannot promise every
 * notification (a server's listening connection is down): each request then reads.
 */
export class WatchedCache<V extends object> {
  readonly #entries: LRUCache<string, V>;
  #sure = false;
  /** Bumped by every relevant notification and change of `#sure`. */
  #changes = 0;

  constructor(engine: Engine, channel: NotificationChannel, tables: readonly string[], max: number) {
    this.#entries = new LRUCache({ max });
    engine.watch(channel, {
      notify: (table) => {
        if (tables.includes(table)) this.#clear();
      },
      listening: (sure) => {
        this.#sure = sure;
        // Notifications may have been missed before this.
        this.#clear();
      },
    });
  }

  get(key: string): V | undefined {
    return this.#entries.get(key);
  }

  /** Reads `key` afresh; keeps the value when nothing changed during the read, forgets the key when there is none. */
  async read(key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
    const changes = this.#changes;
    const value = await read();
    if (value === undefined) this.#entries.delete(key);
    else if (this.#sure && changes === this.#changes) this.#entries.set(key, value);
    return value;
  }

  #clear(): void {
    this.#changes += 1;
    this.#entries.clear();
  }
}
