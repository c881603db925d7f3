import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { buildApiUrl, fetchJson } from './fetch-json';

function answer(status: number, body: string | null, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', async () => new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } }));
}

/** A browser window at `/analysis?level=county`, to see where a refused call sends it. */
function stubWindowAt(pathname: string) {
  const assign = vi.fn();
  vi.stubGlobal('window', { location: { pathname, search: '?level=county', hash: '', assign } });
  return assign;
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

  it('keeps the parameters of an error and reads the wait of a 429 from Retry-After', async () => {
    answer(429, '{"error":{"code":"RATE_LIMITED","message":"Too many attempts","params":{"scope":"user"}}}', { 'retry-after': '120' });
    await expect(fetchJson('/api/session')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED', params: { scope: 'user', retryAfterSeconds: 120 } });
  });

  it('answers undefined for 204 No Content', async () => {
    answer(204, null);
    await expect(fetchJson('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('sends the browser to the login page, and back, when the session has ended', async () => {
    const assign = stubWindowAt('/analysis');
    answer(401, '{"error":{"code":"UNAUTHENTICATED","message":"Sign in first"}}');
    await expect(fetchJson('/api/indicators')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(assign).toHaveBeenCalledWith('/login?next=%2Fanalysis%3Flevel%3Dcounty');
  });

  it('only throws on a 401 when told, or when already on the login page', async () => {
    const onAnalysis = stubWindowAt('/analysis');
    answer(401, '{"error":{"code":"UNAUTHENTICATED","message":"Sign in first"}}');
    await expect(fetchJson('/api/session', { whenSignedOut: 'throw' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onAnalysis).not.toHaveBeenCalled();
    const onLogin = stubWindowAt('/login');
    await expect(fetchJson('/api/session')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onLogin).not.toHaveBeenCalled();
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
