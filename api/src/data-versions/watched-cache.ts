import type { Engine, NotificationChannel } from '@terep/db';
import { LRUCache } from 'lru-cache';

/**
 * Values kept in memory until the database announces a change that may touch them: a notification
 * on `channel` whose payload is one of `payloads` (a table or a data scope; `'any'` for all) drops
 * them all (such changes are rare; dropping all is simplest and exact). The triggers notify from
 * whichever process writes; this process's own writes arrive at their commit, before it returns.
 * A value whose read overlapped a notification is not kept (it may predate the change), and nothing
 * is kept while the engine cannot promise every notification (a server's listening connection is
 * down): each burst of requests then reads. Reads of one key at the same moment are made once.
 */
export class WatchedCache<V extends object> {
  readonly #entries: LRUCache<string, V>;
  readonly #running = new Map<string, Promise<V | undefined>>();
  #sure = false;
  /** Bumped by every relevant notification and change of `#sure`. */
  #changes = 0;

  constructor(engine: Engine, channel: NotificationChannel, payloads: readonly string[] | 'any', max: number) {
    this.#entries = new LRUCache({ max });
    engine.watch(channel, {
      notify: (payload) => {
        if (payloads === 'any' || payloads.includes(payload)) this.#clear();
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

  /** Reads `key` afresh (joining a read of it already running); keeps the value when nothing changed during the read, forgets the key when there is none. */
  read(key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
    const running = this.#running.get(key);
    if (running) return running;
    const changes = this.#changes;
    const reading = read()
      .then((value) => {
        if (value === undefined) this.#entries.delete(key);
        else if (this.#sure && changes === this.#changes) this.#entries.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.#running.get(key) === reading) this.#running.delete(key);
      });
    this.#running.set(key, reading);
    return reading;
  }

  #clear(): void {
    this.#changes += 1;
    this.#entries.clear();
    // A read already running may have seen the old state: later requests start their own.
    this.#running.clear();
  }
}
