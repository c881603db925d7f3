import { ROUTE_RULES } from '@terep/api/auth';
import { ROLES, type Role } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import type { Client } from '../src/test-users.ts';

/*
 * The authorization matrix (issue 11): every API route, with no session and as every role.
 * Generated from the route table and from Hono's registered routes, so a route added without a
 * rule fails here. Requests are built to fail validation fast (400/404): reaching the handler
 * proves access without running solvers.
 */

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Sample values for path parameters: ids that do not exist, codes that fail fast. */
const SAMPLE_PARAMS: Record<string, string> = {
  id: '999999',
  key: 'no-such-key',
  code: '99999',
  kind: 'no-such-kind',
  username: 'no-such-user',
  layer: 'settlements',
  z: '99',
  x: '1',
  file: '1.mvt',
  level: 'no-such-level',
  token: 'no-such-token',
};
/** Query strings that make the handler answer 400 at once instead of computing. */
const SAMPLE_QUERY: Record<string, string> = {
  '/api/coverage': '?type=no-such-type',
  '/api/heatmap/h3': '?resolution=99',
  '/api/search': '?q=',
};

function concretePath(pattern: string): string {
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = SAMPLE_PARAMS[name];
    if (!value) throw new Error(`no sample value for :${name} in ${pattern}; add one to SAMPLE_PARAMS`);
    return value;
  });
  return path + (SAMPLE_QUERY[pattern] ?? '');
}

interface Case {
  method: string;
  path: string;
  public: boolean;
  roles: readonly Role[];
}

/** Every rule as a request; logging out last, since it ends the session the others use. */
const CASES: Case[] = Object.entries(ROUTE_RULES)
  .map(([key, access]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    return { method, path: concretePath(pattern), public: access === 'public', roles: access === 'public' ? ROLES : access };
  })
  .sort((a, b) => Number(a.method === 'DELETE' && a.path === '/api/session') - Number(b.method === 'DELETE' && b.path === '/api/session'));

/** The request as `client` (the app itself: no session) and its status and error code. */
async function call(client: Client, { method, path }: Case): Promise<{ status: number; code?: string }> {
  const headers = { 'Content-Type': 'application/json' };
  // A JSON array fails every route's body schema; GET and DELETE send no body.
  const response = await client.request(path, method === 'GET' || method === 'DELETE' ? { method, headers } : { method, headers, body: '[]' });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, ...(code ? { code } : {}) };
}

describe.each(engineCases())('authorization matrix on $name', ({ open }) => {
  const suite = apiSuite(open);

  it('has a rule for every registered API route, and no rule without a route', () => {
    const registered = suite.app.routes.filter((route) => METHODS.has(route.method) && route.path.startsWith('/api/')).map((route) => `${route.method} ${route.path}`);
    const ruled = new Set(Object.keys(ROUTE_RULES));
    expect(registered.filter((key) => !ruled.has(key)), 'routes without a rule in api/src/auth/route-rules.ts').toEqual([]);
    // A rule names a registered pattern, or a concrete path of one (`POST /api/imports/institutions`).
    const patterns = registered.map((key) => new RegExp(`^${key.replace(/:\w+/g, '[^/]+')}$`));
    expect(Object.keys(ROUTE_RULES).filter((key) => !patterns.some((pattern) => pattern.test(key))), 'rules without a route').toEqual([]);
  });

  it('answers 401 UNAUTHENTICATED without a session, except on the public routes', async () => {
    for (const entry of CASES) {
      const { status, code } = await call(suite.app, entry);
      if (entry.public) expect([401, 403], `${entry.method} ${entry.path}`).not.toContain(status);
      else expect({ route: `${entry.method} ${entry.path}`, status, code }).toEqual({ route: `${entry.method} ${entry.path}`, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it.each(ROLES.map((role) => ({ role })))('lets the $role role call exactly the routes its rules name', async ({ role }) => {
    const client = suite.as(role, role === 'regional' ? ['02'] : []);
    const failures: string[] = [];
    for (const entry of CASES) {
      const { status, code } = await call(client, entry);
      const allowed = entry.roles.includes(role);
      const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403 && code === 'FORBIDDEN';
      if (!ok) failures.push(`${entry.method} ${entry.path}: ${status} ${code ?? ''} (${allowed ? 'allowed' : 'forbidden'})`);
    }
    expect(failures).toEqual([]);
  });
});
