import { ApiError, isAbortError, readErrorBody } from './api-error';

export type QueryValue = string | number | undefined | null;

export interface FetchJsonOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Builds `/api/...?a=1` from a path and query values, skipping empty ones. */
export function buildApiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * GETs JSON from the Terep API. Resolves with the parsed body on 2xx; otherwise
 * throws an {@link ApiError} (aborts are re-thrown untouched so callers can ignore them).
 */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  const url = buildApiUrl(path, options.query);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: options.signal });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: error instanceof Error ? error.message : String(error),
      path: url,
    });
  }

  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }

  if (!response.ok) {
    const parsed = readErrorBody(body);
    throw new ApiError({
      status: response.status,
      code: parsed?.code ?? (response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
      message: parsed?.message ?? `${response.status} ${response.statusText}`.trim(),
      path: url,
    });
  }
  if (body === undefined) {
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: 'The server did not answer with JSON',
      path: url,
    });
  }
  return body as T;
}
