import { ApiError, isAbortError, readErrorBody } from './api-error';

export type QueryValue = string | number | undefined | null;

export interface FetchJsonOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** GET unless told; DELETE for the calls that remove something. */
  method?: 'GET' | 'DELETE';
  /** The browser cache mode; 'no-store' for data that changes with every import. */
  cache?: RequestCache;
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
 * Calls the Terep API and reads its JSON answer. Resolves with the parsed body on 2xx; otherwise
 * throws an {@link ApiError} (aborts are re-thrown untouched so callers can ignore them).
 */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  const url = buildApiUrl(path, options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: { accept: 'application/json' },
      signal: options.signal,
      cache: options.cache,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: error instanceof Error ? error.message : String(error),
      path: url,
    });
  }

  return readApiAnswer<T>({ status: response.status, statusText: response.statusText, text: await response.text() }, url);
}

/** An HTTP answer as both `fetch` and `XMLHttpRequest` can give it. */
export interface RawAnswer {
  status: number;
  statusText: string;
  text: string;
}

/** The parsed JSON body of a 2xx answer; an {@link ApiError} for anything else. */
export function readApiAnswer<T>({ status, statusText, text }: RawAnswer, url: string): T {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }

  if (status < 200 || status >= 300) {
    const parsed = readErrorBody(body);
    throw new ApiError({
      status,
      code: parsed?.code ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
      message: parsed?.message ?? `${status} ${statusText}`.trim(),
      params: parsed?.params ?? {},
      path: url,
    });
  }
  if (body === undefined) {
    throw new ApiError({
      status,
      code: 'BAD_RESPONSE',
      message: 'The server did not answer with JSON',
      path: url,
    });
  }
  return body as T;
}
