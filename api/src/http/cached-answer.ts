import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { Accept } from 'hono/utils/accept';

export type AnswerEncoding = 'br' | 'gzip';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Brotli's default quality (11) took 885 ms for a 55 KB tile and 263 ms for a 40 KB indicator answer here;
 * 6 took 11–13 ms, as small as gzip on the tile and 11 % smaller on the JSON.
 */
const BROTLI_QUALITY = 6;

/**
 * An answer kept in memory (a tile, an indicator's values, the catalogue) and served as stored
 * bytes: encoded to UTF-8 once, its tag computed once, and a gzip or brotli copy made once, the first
 * time a client accepts it (on libuv's thread pool), instead of compressing on every request.
 * `encodings` lists what is worth offering, best first (brotli gains nothing over gzip on a
 * vector tile).
 */
export class CachedAnswer {
  readonly bytes: Uint8Array;
  /** The strong tag of the identity bytes, quoted (`"…"`); each encoding has its own. */
  readonly etag: string;
  readonly encodings: readonly AnswerEncoding[];
  readonly #encoded = new Map<AnswerEncoding, Promise<Uint8Array>>();

  constructor(body: string | Uint8Array, etag: string, encodings: readonly AnswerEncoding[]) {
    this.bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.etag = etag;
    this.encodings = encodings;
  }

  encoded(encoding: AnswerEncoding): Promise<Uint8Array> {
    let encoded = this.#encoded.get(encoding);
    if (!encoded) {
      encoded = encoding === 'br' ? brotliAsync(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : gzipAsync(this.bytes);
      // A failure is not kept: the next request tries again.
      encoded.catch(() => this.#encoded.delete(encoding));
      this.#encoded.set(encoding, encoded);
    }
    return encoded;
  }
}

/**
 * The encoding the client weighs highest, ours (the order of `supports`) among equals: a browser
 * lists `gzip, deflate, br, zstd`, all at q=1, and brotli is the smaller.
 */
function ourPreference(accepted: Accept[], { supports, default: fallback }: { supports: string[]; default: string }): string {
  let best = fallback;
  let bestQ = 0;
  for (const encoding of supports) {
    const q = accepted.find((entry) => entry.type.toLowerCase() === encoding)?.q ?? 0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

/**
 * Answers a cached answer in the encoding the client accepts (`Content-Encoding`, an ETag per
 * encoding, `Vary: Accept-Encoding`), or as it is. The compress middleware leaves an answer with a
 * `Content-Encoding` alone, and the etag middleware turns a matching `If-None-Match` into a 304.
 */
export async function sendCached(c: Context, answer: CachedAnswer, headers: Record<string, string>): Promise<Response> {
  const encoding = answer.encodings.length > 0 && c.req.header('accept-encoding') !== undefined
    ? accepts(c, { header: 'Accept-Encoding', supports: [...answer.encodings], default: 'identity', match: ourPreference })
    : 'identity';
  // With its length the compress middleware leaves a small answer alone (it gzips every answer of unknown length).
  if (encoding === 'identity') {
    return c.body(answer.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, ETag: answer.etag, Vary: 'Accept-Encoding', 'Content-Length': String(answer.bytes.byteLength) });
  }
  const bytes = await answer.encoded(encoding as AnswerEncoding);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    ETag: `${answer.etag.slice(0, -1)}-${encoding}"`,
    'Content-Encoding': encoding,
    Vary: 'Accept-Encoding',
    'Content-Length': String(bytes.byteLength),
  });
}
