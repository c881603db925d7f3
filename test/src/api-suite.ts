import { createApi } from '@terep/api';
import type { Engine, Role } from '@terep/db';
import type { Hono } from 'hono';
import { afterAll, beforeAll, expect } from 'vitest';
import { importFixtures, type FixtureFile } from './import-fixtures.ts';
import { signedIn, type Client } from './test-users.ts';

/** Requests as one signed-in user. */
export interface Sender {
  /** Sends a request (a JSON body when given), expects the status and returns the JSON answer. */
  send<T>(method: string, path: string, body?: unknown, status?: number): Promise<T>;
  /** A raw request with the user's session cookie. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** An API over one engine for a suite, with its fixture files imported before and rolled back after. */
export interface ApiSuite extends Sender {
  readonly engine: Engine;
  /** The app itself: requests without a session. */
  readonly app: Hono;
  /** Requests as a user of another role (regional: with `counties`); `send` and `request` are the admin's. */
  as(role: Role, counties?: readonly string[]): Sender;
}

function senderOf(client: () => Promise<Client>): Sender {
  return {
    async request(path, init) {
      return (await client()).request(path, init);
    },
    async send<T>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
      const init = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
      const response = await this.request(path, init);
      expect(response.status, `${method} ${path}`).toBe(status);
      return (await response.json()) as T;
    },
  };
}

/** Registers the suite's set-up and tear-down hooks; use the returned object inside the tests. */
export function apiSuite(open: () => Promise<Engine>, fixtures: readonly FixtureFile[] = []): ApiSuite {
  let engine: Engine | undefined;
  let app: Hono | undefined;
  let rollback: () => Promise<void> = async () => {};
  // One sign-in per role and county set, on first use.
  const clients = new Map<string, Promise<Client>>();
  const clientFor = (role: Role, counties: readonly string[]) => () => {
    const key = [role, ...counties].join(' ');
    let client = clients.get(key);
    if (!client) {
      if (!engine || !app) throw new Error('the suite has not started');
      client = signedIn(engine, app, role, counties);
      clients.set(key, client);
    }
    return client;
  };
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
    ...senderOf(clientFor('admin', [])),
    get engine() {
      if (!engine) throw new Error('the suite has not started');
      return engine;
    },
    get app() {
      if (!app) throw new Error('the suite has not started');
      return app;
    },
    as: (role, counties = []) => senderOf(clientFor(role, counties)),
  };
}
