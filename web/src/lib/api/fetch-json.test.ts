import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { buildApiUrl, fetchJson } from './fetch-json';

function answer(status: number, body: string) {
  vi.stubGlobal('fetch', async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the parsed body', async () => {
    answer(200, '{"status":"ok"}');
    await expect(fetchJson('/api/health')).resolves.toEqual({ status: 'ok' });
  });

  it('turns the error body into an ApiError with code, message and status', async () => {
    answer(400, '{"error":{"code":"INVALID_PARAMETER","message":"Invalid \\"zoom\\""}}');
    const error = await fetchJson('/api/layers/counties', { query: { zoom: 99 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_PARAMETER', message: 'Invalid "zoom"', path: '/api/layers/counties?zoom=99' });
  });

  it('reports an answer that is not JSON', async () => {
    answer(200, '<!doctype html>');
    await expect(fetchJson('/api/health')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports a server that cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchJson('/api/health')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('buildApiUrl', () => {
  it('skips empty query values', () => {
    expect(buildApiUrl('/api/search', { q: 'szeged', limit: 10, year: undefined, bbox: '' })).toBe('/api/search?q=szeged&limit=10');
  });
});
