import { ApiError, isAbortError, readErrorBody } from './api-error';
import { goToSignIn } from './sign-in-redirect';

export type QueryValue = string | number | undefined | null;

export interface FetchJsonOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** GET unless told; DELETE for the calls that remove something. */
  method?: 'GET' | 'DELETE';
  /** The browser cache mode; 'no-store' for data that changes with every import. */
  cache?: RequestCache;
  /** What a `401 UNAUTHENTICATED` does (default: go to the login page); see {@link readApiAnswer}. */
  whenSignedOut?: WhenSignedOut;
}

/**
 * `'sign-in'`: a call refused for want of a session (or until a one-time password is replaced) sends
 * the browser to the login page, then back here; `'throw'`: it only throws (the session check and the
 * login itself, which expect it).
 */
export type WhenSignedOut = 'sign-in' | 'throw';

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

  return readApiAnswer<T>(await rawAnswerOf(response), url, options.whenSignedOut);
}

/** An HTTP answer as both `fetch` and `XMLHttpRequest` can give it. */
export interface RawAnswer {
  status: number;
  statusText: string;
  text: string;
  /** The `Retry-After` header (seconds) of a 429 answer, when sent. */
  retryAfter?: string | null;
}

export async function rawAnswerOf(response: Response): Promise<RawAnswer> {
  return { status: response.status, statusText: response.statusText, text: await response.text(), retryAfter: response.headers.get('retry-after') };
}

/**
 * The parsed JSON body of a 2xx answer; an {@link ApiError} for anything else. A `401 UNAUTHENTICATED`
 * also sends the browser to the login page unless `whenSignedOut` is `'throw'`; a `Retry-After`
 * header becomes the error's `retryAfterSeconds` parameter when the body does not name it.
 */
export function readApiAnswer<T>({ status, statusText, text, retryAfter }: RawAnswer, url: string, whenSignedOut: WhenSignedOut = 'sign-in'): T {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }

  if (status < 200 || status >= 300) {
    const parsed = readErrorBody(body);
    const code = parsed?.code ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    const params = { ...parsed?.params };
    const retrySeconds = Number(retryAfter);
    if (retryAfter && Number.isFinite(retrySeconds) && params.retryAfterSeconds === undefined) params.retryAfterSeconds = retrySeconds;
    // No session, or a one-time password still to replace: the login page deals with both.
    const signInFirst = (status === 401 && code === 'UNAUTHENTICATED') || (status === 403 && code === 'PASSWORD_CHANGE_REQUIRED');
    if (signInFirst && whenSignedOut === 'sign-in') goToSignIn();
    throw new ApiError({ status, code, message: parsed?.message ?? `${status} ${statusText}`.trim(), path: url, params });
  }
  if (body === undefined) {
    // 204 No Content: the call did its work and has nothing to say (a logout).
    if (status === 204) return undefined as T;
    throw new ApiError({
      status,
      code: 'BAD_RESPONSE',
      message: 'The server did not answer with JSON',
      path: url,
    });
  }
  return body as T;
}
