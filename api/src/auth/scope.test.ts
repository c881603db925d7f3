import type { Role, SessionUser } from '@terep/db';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../http/api-error.ts';
import { countyScope, requireScope } from './scope.ts';

function appAs(role: Role, counties: string[]): Hono {
  const user: SessionUser = { id: 1, username: 'someone', role, counties, mustChangePassword: false };
  const app = new Hono()
    .use(async (c, next) => {
      c.set('user', user);
      await next();
    })
    .get('/:counties', (c) => {
      requireScope(c, c.req.param('counties').split(','));
      return c.json({ scope: countyScope(c) ?? null });
    });
  app.onError(handleError);
  return app;
}

describe('requireScope', () => {
  it('lets a regional user act in their counties only', async () => {
    const app = appAs('regional', ['02', '03']);
    expect(await (await app.request('/02,03')).json()).toEqual({ scope: ['02', '03'] });
    const outside = await app.request('/02,07');
    expect(outside.status).toBe(403);
    expect(await outside.json()).toMatchObject({ error: { code: 'OUT_OF_SCOPE', params: { counties: '07' } } });
  });

  it('does not limit the national roles', async () => {
    for (const role of ['admin', 'planner', 'logistics', 'viewer'] as const) {
      expect(await (await appAs(role, []).request('/07,13')).json()).toEqual({ scope: null });
    }
  });
});
