import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { startingApp } from './starting-app.ts';

describe('startingApp', () => {
  it('answers /api/health as starting, holds API calls until the app is ready, then hands everything to the app', async () => {
    const starting = startingApp({ webRoot: '/nonexistent', shell: undefined });
    starting.step('embedded database opened');
    const health = await starting.fetch(new Request('http://terep/api/health'), {});
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'starting', step: 'embedded database opened' });
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");

    let answered = false;
    const held = Promise.resolve(starting.fetch(new Request('http://terep/api/indicators/population?year=2024'), {})).then((response) => {
      answered = true;
      return response;
    });
    const other = starting.fetch(new Request('http://terep/somewhere', { method: 'POST' }), {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);

    const app = new Hono()
      .get('/api/health', (c) => c.json({ status: 'ok' }))
      .get('/api/indicators/:key', (c) => c.json({ key: c.req.param('key'), year: c.req.query('year') }));
    starting.ready(app);
    const response = await held;
    expect(await response.json()).toEqual({ key: 'population', year: '2024' });
    expect((await other).status).toBe(404);
    expect(await (await starting.fetch(new Request('http://terep/api/health'), {})).json()).toEqual({ status: 'ok' });
  });
});
