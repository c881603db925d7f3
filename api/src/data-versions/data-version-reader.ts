import { DATA_VERSION_CHANNEL, readDataVersions, type DataVersions, type Engine } from '@terep/db';

/**
 * The current data versions, kept in memory and dropped by the triggers' notifications: a cached
 * answer costs no query. This process's own writes drop them at their commit, before it returns;
 * other processes' writes (the base import CLI on the same server) when their notification arrives.
 * While the engine cannot promise every notification (a server's listening connection dropped and
 * is not back yet) nothing is kept: each burst of requests reads the versions once.
 */
export class DataVersionReader {
  readonly #engine: Engine;
  #sure = false;
  #running: Promise<DataVersions> | null = null;
  #known: DataVersions | null = null;
  /** Bumped by every notification and change of `#sure`: a read that started before one must not be kept. */
  #changes = 0;

  constructor(engine: Engine) {
    this.#engine = engine;
    engine.watch(DATA_VERSION_CHANNEL, {
      notify: () => this.#forget(),
      listening: (sure) => {
        this.#sure = sure;
        // Notifications may have been missed before this: read the versions again.
        this.#forget();
      },
    });
  }

  async current(): Promise<DataVersions> {
    if (this.#known) return this.#known;
    if (!this.#running) {
      const running = this.#read().finally(() => {
        if (this.#running === running) this.#running = null;
      });
      this.#running = running;
    }
    return this.#running;
  }

  #forget(): void {
    this.#changes += 1;
    this.#known = null;
    // A read already running may have seen the old versions: later requests start their own.
    this.#running = null;
  }

  async #read(): Promise<DataVersions> {
    const changes = this.#changes;
    const versions = await readDataVersions(this.#engine.db);
    if (this.#sure && changes === this.#changes) this.#known = versions;
    return versions;
  }
}

/**
 * One value per data version: rebuilt the first time it is asked for after the version moved,
 * and built once however many requests ask at the same moment.
 */
export class PerVersion<T> {
  #version: string | number | null = null;
  #value: Promise<T> | null = null;

  get(version: string | number, build: () => Promise<T>): Promise<T> {
    if (this.#value === null || this.#version !== version) {
      this.#version = version;
      const value = build();
      // A failed build is not kept: the next request tries again.
      value.catch(() => {
        if (this.#value === value) this.#value = null;
      });
      this.#value = value;
    }
    return this.#value;
  }
}
