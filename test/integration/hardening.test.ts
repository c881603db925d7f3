import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApi } from '@terep/api';
import { ArchiveTooLargeError, readSourceTable } from '@terep/data-import';
import type { Engine } from '@terep/db';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrorsAsJson } from '../../api/src/http/node-server.ts';
import { JobSlots } from '../../api/src/jobs/job-slots.ts';
import { signedIn, type Client } from '../src/test-users.ts';
import { engineCases } from '../src/engines.ts';
import { zipOfZeros } from '../src/zip-bomb.ts';

const MEBIBYTE = 1024 * 1024;
/** Deflate expands at most ~1032 times: what one 16 KB chunk of input can add past the budget. */
const ONE_CHUNK_EXPANDED = 16 * 1024 * 1032;

interface ErrorAnswer {
  error: { code: string; message: string; params?: Record<string, unknown> };
}

/** 1.9 GB of zeros as a shapefile's .shp in a ~2 MB zip (the attack of issue 11). */
const BOMB = zipOfZeros([
  { name: 'bomb.shp', mebibytes: 1900 },
  { name: 'bomb.dbf', mebibytes: 1 },
]);

describe('zip archives expand within the import limit, streamed', () => {
  it('refuses a zip bomb while reading, without expanding it whole, and yields to the event loop meanwhile', async () => {
    expect(BOMB.byteLength).toBeLessThan(2.1 * MEBIBYTE);
    let turns = 0;
    let counting = true;
    const count = (): void => {
      if (!counting) return;
      turns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    const failure = await readSourceTable('bomb.zip', BOMB, { maxBytes: 64 * MEBIBYTE }).catch((error: unknown) => error);
    counting = false;
    expect(failure).toBeInstanceOf(ArchiveTooLargeError);
    const refused = failure as ArchiveTooLargeError;
    expect(refused.limitBytes).toBe(64 * MEBIBYTE);
    expect(refused.expandedBytes).toBeGreaterThan(64 * MEBIBYTE);
    expect(refused.expandedBytes).toBeLessThanOrEqual(64 * MEBIBYTE + ONE_CHUNK_EXPANDED);
    // Other work ran between the chunks: the inflating never held the event loop to the end.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('refuses an .xlsx workbook that expands beyond the limit the same way', async () => {
    const workbook = zipOfZeros([{ name: 'xl/worksheets/sheet1.xml', mebibytes: 300 }]);
    const failure = await readSourceTable('lista.xlsx', workbook, { maxBytes: 32 * MEBIBYTE }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArchiveTooLargeError);
    expect((failure as ArchiveTooLargeError).expandedBytes).toBeLessThanOrEqual(32 * MEBIBYTE + ONE_CHUNK_EXPANDED);
  });

  it('still reads the entries of a zip that stays within the limit', async () => {
    const fine = zipOfZeros([{ name: 'small.shp', mebibytes: 1 }, { name: 'small.dbf', mebibytes: 1 }]);
    // Zeros are no shapefile: the reader gets past the archive and fails on the content.
    await expect(readSourceTable('small.zip', fine, { maxBytes: 8 * MEBIBYTE })).rejects.toThrow(/unreadable shapefile|no features/);
  });
});

describe.each(engineCases())('hardening on $name', ({ open }) => {
  let engine: Engine;
  let app: Client;
  const jobs = new JobSlots({ total: 1, perUser: 1 });

  beforeAll(async () => {
    engine = await open();
    app = await signedIn(engine, createApi({ engine, jobs, maxImportBytes: 8 * MEBIBYTE }));
  });
  afterAll(async () => engine?.close());

  const answer = async (response: Response, status: number, code: string): Promise<ErrorAnswer> => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.code).toBe(code);
    return body;
  };

  it('answers a zip bomb upload with 413 ARCHIVE_TOO_LARGE, having expanded at most the limit and one chunk', async () => {
    const form = new FormData();
    form.append('file', new Blob([BOMB as Uint8Array<ArrayBuffer>]), 'bomb.zip');
    form.append('dryRun', 'false');
    const body = await answer(await app.request('/api/imports/segregated-areas', { method: 'POST', body: form }), 413, 'ARCHIVE_TOO_LARGE');
    expect(body.error.params).toMatchObject({ limitBytes: 8 * MEBIBYTE });
    expect(body.error.params!.expandedBytes as number).toBeLessThanOrEqual(8 * MEBIBYTE + ONE_CHUNK_EXPANDED);
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
  });

  const json = (method: string, body: string, type = 'application/json'): RequestInit => ({ method, body, headers: { 'Content-Type': type } });

  it.each([
    ['POST', '/api/catchments'],
    ['POST', '/api/plans'],
    ['POST', '/api/routes'],
    ['POST', '/api/need-indices'],
    ['PUT', '/api/settings'],
  ])('%s %s: malformed JSON is 400 INVALID_JSON, text/plain is 415, a non-object root is named plainly', async (method, path) => {
    await answer(await app.request(path, json(method, '{"mode": ')), 400, 'INVALID_JSON');
    await answer(await app.request(path, json(method, '')), 400, 'INVALID_JSON');
    await answer(await app.request(path, json(method, '{}', 'text/plain')), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await answer(await app.request(path, { method, body: '{}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    for (const root of ['null', '[]', '7', '"x"']) {
      const { error } = await answer(await app.request(path, json(method, root)), 400, 'INVALID_PARAMETER');
      expect(error.message).toBe('The body must be a JSON object.');
    }
    const { error } = await answer(await app.request(path, json(method, '{"unknownField": 1}')), 400, 'INVALID_PARAMETER');
    expect(error.message).not.toMatch(/Invalid ""|received null/);
  });

  it('limits JSON bodies to 1 MB, also when they arrive chunked without a length', async () => {
    const big = JSON.stringify({ stops: 'x'.repeat(2 * MEBIBYTE) });
    const sized = await answer(await app.request('/api/routes', json('POST', big)), 413, 'BODY_TOO_LARGE');
    expect(sized.error.params).toMatchObject({ limitBytes: MEBIBYTE });
    let sent = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: the limit must stop reading it.
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = await app.request('/api/plans', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    await answer(chunked, 413, 'BODY_TOO_LARGE');
    expect(sent).toBeLessThan(2 * MEBIBYTE);
  });

  it.each(['0x7', '1e1', '-0', '+7', '07', '7.0', ' 7', '999'])('refuses the tile coordinate %j with 400 INVALID_PARAMETER', async (text) => {
    const encoded = encodeURIComponent(text);
    for (const path of [`/api/tiles/settlements/${encoded}/0/0.mvt`, `/api/tiles/settlements/7/${encoded}/44.mvt`, `/api/tiles/settlements/7/70/${encoded}.mvt`]) {
      await answer(await app.request(path), 400, 'INVALID_PARAMETER');
    }
  });

  it('serves a tile at plain decimal coordinates, and refuses one outside its zoom', async () => {
    expect((await app.request('/api/tiles/settlements/7/70/44.mvt')).status).toBe(200);
    await answer(await app.request('/api/tiles/settlements/2/4/0.mvt'), 400, 'INVALID_PARAMETER');
  });

  it('sends the security headers on every answer: a CSP without inline scripts, nosniff, no framing', async () => {
    for (const path of ['/api/health', '/api/nowhere', '/api/tiles/settlements/0x7/0/0.mvt']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toMatch(/img-src 'self' data: blob:/);
      expect(csp).toMatch(/script-src 'self'(;| )/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('refuses solver jobs beyond the limit with 429 TOO_MANY_JOBS, and frees the slot when a plan ends', async () => {
    const plan = { model: 'pmedian', serviceType: 'elderly-day-care', county: '11', p: 2, method: 'heuristic', timeLimitSeconds: 1 };
    const held = jobs.take(undefined);
    try {
      const refused = await app.request('/api/plans', json('POST', JSON.stringify(plan)));
      const body = await answer(refused, 429, 'TOO_MANY_JOBS');
      expect(body.error.params).toMatchObject({ scope: 'server', limit: 1, running: 1 });
      expect(refused.headers.get('retry-after')).toBe('10');
      const route = { depots: [{ settlementCode: '14827' }], stops: [{ settlementCode: '15200', delivery: 1 }], fleet: [{ count: 1, capacity: 10, shift: { from: '08:00', to: '16:00' } }] };
      await answer(await app.request('/api/routes', json('POST', JSON.stringify(route))), 429, 'TOO_MANY_JOBS');
    } finally {
      held.release();
    }
    const started = await app.request('/api/plans', json('POST', JSON.stringify(plan)));
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: number };
    try {
      // The event stream ends with the plan; the slot is free again.
      await (await app.request(`/api/plans/${id}/events`)).text();
      expect(jobs.running).toBe(0);
    } finally {
      await app.request(`/api/plans/${id}`, { method: 'DELETE' });
    }
  });
});

describe('requests Node refuses before the app', () => {
  it('answers a 100 KB query string with a JSON 414, not a reset connection', async () => {
    // Node's parser refuses these before any route runs: any app will do.
    const app = new Hono().all('*', (c) => c.json({}));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    answerClientErrorsAsJson(server);
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/search?q=${'a'.repeat(100 * 1024)}`);
      expect(response.status).toBe(414);
      expect(((await response.json()) as ErrorAnswer).error.code).toBe('URI_TOO_LONG');
      const headers = await fetch(`http://127.0.0.1:${port}/api/nowhere`, { headers: { 'X-Big': 'b'.repeat(64 * 1024) } });
      expect(headers.status).toBe(431);
      expect(((await headers.json()) as ErrorAnswer).error.code).toBe('HEADERS_TOO_LARGE');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
