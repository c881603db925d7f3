import { DATA_VERSION_CHANNEL, readDataVersions, type DataVersions, type Engine } from '@terep/db';

/**
 * The current data versions. On the embedded engine they are kept in memory and dropped by the
 * triggers' notification, which arrives at the committing write, before it returns: no query per
 * request. On a server other processes write too (the base import CLI), so every cached answer
 * reads the versions; requests that arrive while a read is running share it, so under load that
 * is one one-row query per burst rather than one per request.
 */
export class DataVersionReader {
  readonly #engine: Engine;
  readonly #watched: Promise<boolean>;
  #running: Promise<DataVersions> | null = null;
  #known: DataVersions | null = null;
  /** Bumped by every notification: a read that started before one must not be kept. */
  #changes = 0;

  constructor(engine: Engine) {
    this.#engine = engine;
    this.#watched = engine.listenAtCommit
      ? engine.listenAtCommit(DATA_VERSION_CHANNEL, () => {
        this.#changes += 1;
        this.#known = null;
        // A read already running may have seen the old versions: later requests start their own.
        this.#running = null;
      }).then(() => true)
      : Promise.resolve(false);
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

  async #read(): Promise<DataVersions> {
    const watched = await this.#watched;
    const changes = this.#changes;
    const versions = await readDataVersions(this.#engine.db);
    if (watched && changes === this.#changes) this.#known = versions;
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
