import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';

/*
 * Cached answers (a tile, an indicator's values, the catalogue) are served as stored bytes, with a
 * gzip or brotli copy made once when the client accepts it (api/src/http/cached-answer.ts).
 */

const VALUES = '/api/indicators/population?level=settlement';
const CATALOGUE = '/api/indicators';
const TILE = '/api/tiles/settlements/8/141/89.mvt';

describe.each(engineCases())('cached answers on $name', ({ name, open }) => {
  const suite = apiSuite(open);

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await suite.as('viewer').request(path, { headers });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('serves the same answer in each encoding the client accepts, each with its own tag', async () => {
    for (const [path, encoding, decode] of [
      [VALUES, 'br', brotliDecompressSync],
      [VALUES, 'gzip', gunzipSync],
      [CATALOGUE, 'br', brotliDecompressSync],
      [TILE, 'gzip', gunzipSync],
    ] as const) {
      const plain = await get(path);
      expect(plain.response.status, path).toBe(200);
      expect(plain.response.headers.get('content-encoding'), path).toBeNull();
      expect(plain.response.headers.get('vary'), path).toMatch(/accept-encoding/i);
      const encoded = await get(path, { 'Accept-Encoding': encoding });
      expect(encoded.response.headers.get('content-encoding'), path).toBe(encoding);
      expect(encoded.response.headers.get('vary'), path).toMatch(/accept-encoding/i);
      expect(decode(encoded.bytes).equals(plain.bytes), path).toBe(true);
      expect(encoded.bytes.length, path).toBeLessThan(plain.bytes.length);
      const tag = encoded.response.headers.get('etag')!;
      expect(tag, path).not.toBe(plain.response.headers.get('etag'));
      // Each tag revalidates its own encoding.
      expect((await get(path, { 'Accept-Encoding': encoding, 'If-None-Match': tag })).response.status, path).toBe(304);
      expect((await get(path, { 'If-None-Match': plain.response.headers.get('etag')! })).response.status, path).toBe(304);
      expect((await get(path, { 'If-None-Match': tag })).response.status, path).toBe(200);
    }
  });

  it('keeps each search\'s answer for the geography\'s version: spellings that fold alike share it, and a base change asks again', async () => {
    const first = await get('/api/search?q=P%C3%A9cs');
    expect(first.response.status).toBe(200);
    const { results } = JSON.parse(first.bytes.toString('utf8')) as { results: { kind: string; name: string }[] };
    expect(results[0]).toMatchObject({ kind: 'settlement', name: 'Pécs' });
    const tag = first.response.headers.get('etag')!;
    const folded = await get('/api/search?q=PECS');
    expect(folded.response.headers.get('etag')).toBe(tag);
    expect(folded.bytes.equals(first.bytes)).toBe(true);
    expect((await get('/api/search?q=pecs', { 'If-None-Match': tag })).response.status).toBe(304);
    // Another limit is another answer.
    expect((await get('/api/search?q=pecs&limit=1')).response.headers.get('etag')).not.toBe(tag);
    // A write to the base geography (its statement trigger bumps the version and notifies) retires the kept answers.
    // Embedded only: on the server every suite shares the database, and the bump would change tiles' tags under
    // another suite's feet (the server's notifications are tested in data-versions.test.ts).
    if (name !== 'pglite') return;
    await suite.engine.db.updateTable('county').set((eb) => ({ name: eb.ref('name') })).where('code', '=', '02').execute();
    const after = await get('/api/search?q=pecs');
    expect(after.response.headers.get('etag')).not.toBe(tag);
    expect(after.bytes.equals(first.bytes)).toBe(true);
  });

  it('follows the client\'s preferences: a browser\'s list, a refused encoding, identity only', async () => {
    expect((await get(VALUES, { 'Accept-Encoding': 'gzip, deflate, br, zstd' })).response.headers.get('content-encoding')).toBe('br');
    expect((await get(VALUES, { 'Accept-Encoding': 'br;q=0, gzip' })).response.headers.get('content-encoding')).toBe('gzip');
    // Tiles: brotli gains nothing over gzip, so it is not offered.
    expect((await get(TILE, { 'Accept-Encoding': 'gzip, deflate, br' })).response.headers.get('content-encoding')).toBe('gzip');
    const identity = await get(VALUES, { 'Accept-Encoding': 'identity' });
    expect(identity.response.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(identity.bytes.toString('utf8'))).toMatchObject({ key: 'population', level: 'settlement' });
  });
});
