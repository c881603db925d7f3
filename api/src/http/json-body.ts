import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiError, invalidField } from './api-error.ts';

/** JSON requests are small (a plan, a route request with 1,000 stops is ~200 KB); uploads carry their own limits. */
const MAX_JSON_BODY_BYTES = 1024 * 1024;

function isMultipart(c: Context): boolean {
  return /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');
}

/**
 * The body limit of every API request that is not a multipart upload: counted while
 * the body streams in (a chunked body has no length to check first), a 413 above it.
 * Upload routes (imports, road network, stop lists) set their own, larger limits.
 */
export function jsonBodyLimit(maxSize = MAX_JSON_BODY_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'BODY_TOO_LARGE', `The request body is above the limit of ${maxSize / 1024 / 1024} MB for JSON requests.`, { limitBytes: maxSize });
    },
  });
  // GET and HEAD carry no body; asking for one would have @hono/node-server build a whole fetch Request.
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' || isMultipart(c) ? next() : limit(c, next));
}

/**
 * The one reader of JSON request bodies: only `application/json` (a `text/plain` POST is a
 * request any web page can send cross-site without a preflight, so it is refused with 415),
 * malformed JSON is a 400 `INVALID_JSON`, the root must be an object, and the first schema
 * problem is a 400 naming its field.
 */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as JSON with "Content-Type: application/json"${type ? ` (not "${type.slice(0, 100)}")` : ''}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'INVALID_PARAMETER', 'The body must be a JSON object.', { reason: 'no-body' });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.message ?? 'bad value';
    const path = issue?.path.join('.') ?? '';
    if (path === '') throw new ApiError(400, 'INVALID_PARAMETER', `Invalid body: ${message}.`, { reason: 'no-body' });
    throw invalidField(path, message);
  }
  return parsed.data;
}
