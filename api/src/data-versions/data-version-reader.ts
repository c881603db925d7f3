import { DATA_VERSION_CHANNEL, readDataVersions, type DataVersions, type Engine } from '@terep/db';
import { WatchedCache } from './watched-cache.ts';

/** The one key of the versions in their WatchedCache. */
const VERSIONS = 'versions';

/**
 * The current data versions, kept in memory and dropped by the triggers' notifications (any scope):
 * a cached answer costs no query. This process's own writes drop them at their commit, before it
 * returns; other processes' writes (the base import CLI on the same server) when their notification
 * arrives. While the engine cannot promise every notification (a server's listening connection
 * dropped and is not back yet) nothing is kept: each burst of requests reads the versions once.
 */
export class DataVersionReader {
  readonly #engine: Engine;
  readonly #kept: WatchedCache<DataVersions>;

  constructor(engine: Engine) {
    this.#engine = engine;
    this.#kept = new WatchedCache(engine, DATA_VERSION_CHANNEL, 'any', 1);
  }

  async current(): Promise<DataVersions> {
    // readDataVersions always answers (every scope, 0 when missing), so the read is never undefined.
    return this.#kept.get(VERSIONS) ?? (await this.#kept.read(VERSIONS, () => readDataVersions(this.#engine.db)))!;
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
