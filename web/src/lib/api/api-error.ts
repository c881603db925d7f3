/**
 * The one error type for calls to the Terep API. The server answers failures with
 * `{ "error": { "code": "BAD_REQUEST", "message": "..." } }`; transport failures
 * (offline, non-JSON answers) are mapped onto the same shape so the UI has a single
 * thing to display.
 */
export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'INTERNAL'
  | 'NETWORK'
  | 'BAD_RESPONSE'
  | (string & {});

/** Values the server names in an error (`{ retryAfterSeconds: 60 }`), for the UI to put into its own words. */
export type ApiErrorParams = Record<string, unknown>;

export interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  message: string;
  path: string;
  params?: ApiErrorParams;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an HTTP answer. */
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Request path, to tell which call failed. */
  readonly path: string;
  readonly params: ApiErrorParams;

  constructor({ status, code, message, path, params = {} }: ApiErrorInit) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.path = path;
    this.params = params;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Reads the `{ error: { code, message, params? } }` body, if that is what the server sent. */
export function readErrorBody(body: unknown): { code: string; message: string; params: ApiErrorParams } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, params } = error as { code?: unknown; message?: unknown; params?: unknown };
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, params: typeof params === 'object' && params !== null ? (params as ApiErrorParams) : {} };
}
