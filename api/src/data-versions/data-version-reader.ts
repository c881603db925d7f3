import { readDataVersions, type DataVersions, type Engine } from '@terep/db';

/**
 * The current data versions, read for every cached answer so a write by any process (the
 * base import CLI on the same server, a saved need index) is seen by the next request.
 * Requests that arrive while a read is running share it, so under load the read is one
 * one-row query per burst rather than one per request.
 */
export class DataVersionReader {
  readonly #engine: Engine;
  #running: Promise<DataVersions> | null = null;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  current(): Promise<DataVersions> {
    this.#running ??= readDataVersions(this.#engine.db).finally(() => {
      this.#running = null;
    });
    return this.#running;
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
