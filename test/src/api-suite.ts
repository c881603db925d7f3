import { createApi } from '@terep/api';
import type { Engine } from '@terep/db';
import type { Hono } from 'hono';
import { afterAll, beforeAll, expect } from 'vitest';
import { importFixtures, type FixtureFile } from './import-fixtures.ts';

/** An API over one engine for a suite, with its fixture files imported before and rolled back after. */
export interface ApiSuite {
  readonly engine: Engine;
  readonly app: Hono;
  /** Sends a request (a JSON body when given), expects the status and returns the JSON answer. */
  send<T>(method: string, path: string, body?: unknown, status?: number): Promise<T>;
}

/** Registers the suite's set-up and tear-down hooks; use the returned object inside the tests. */
export function apiSuite(open: () => Promise<Engine>, fixtures: readonly FixtureFile[] = []): ApiSuite {
  let engine: Engine | undefined;
  let app: Hono | undefined;
  let rollback: () => Promise<void> = async () => {};
  beforeAll(async () => {
    engine = await open();
    app = createApi({ engine });
    rollback = await importFixtures(engine, fixtures);
  });
  afterAll(async () => {
    await rollback();
    await engine?.close();
  });
  return {
    get engine() {
      if (!engine) throw new Error('the suite has not started');
      return engine;
    },
    get app() {
      if (!app) throw new Error('the suite has not started');
      return app;
    },
    async send<T>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
      const init = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
      const response = await this.app.request(path, init);
      expect(response.status, `${method} ${path}`).toBe(status);
      return (await response.json()) as T;
    },
  };
}
