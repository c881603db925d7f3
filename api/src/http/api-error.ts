import type { ProblemCode } from '@terep/db';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Stable machine-readable error codes: clients may switch on them. */
export type ApiErrorCode =
  | 'INVALID_PARAMETER'
  | 'NOT_FOUND'
  | 'LAYER_NOT_FOUND'
  | 'SETTLEMENT_NOT_FOUND'
  | 'INDICATOR_NOT_FOUND'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_ALREADY_ROLLED_BACK'
  | 'FILE_TOO_LARGE'
  | 'NO_WAREHOUSES'
  | 'NEED_INDEX_EXISTS'
  | 'CAPACITY_BELOW_DEMAND'
  | 'INFEASIBLE'
  | 'UNSUPPORTED'
  | 'SOLVER_FAILED'
  | 'PLAN_NOT_FOUND'
  // Route requests (api/src/logistics/logistics-error.ts).
  | 'NO_DEPOTS' | 'NO_STOPS' | 'EMPTY_FLEET' | 'UNKNOWN_WAREHOUSE' | 'UNKNOWN_SETTLEMENT' | 'UNKNOWN_DEPOT' | 'INVALID_TIME_WINDOW' | 'DEPOT_UNROUTABLE'
  | 'ROAD_NETWORK_INVALID' | 'ROAD_NETWORK_NOT_FOUND'
  // Accounts and access (api/src/auth/).
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OUT_OF_SCOPE' | 'CROSS_ORIGIN' | 'RATE_LIMITED' | 'PASSWORD_CHANGE_REQUIRED'
  | 'INVALID_CREDENTIALS' | 'USER_EXISTS' | 'USER_NOT_FOUND' | 'UNKNOWN_ROLE' | 'UNKNOWN_COUNTY' | 'WEAK_PASSWORD'
  // Need signals (api/src/need-signals/): a refused value answers the import's own problem code.
  | ProblemCode | 'NEED_SIGNAL_NOT_FOUND' | 'NEED_SIGNAL_WITHDRAWN'
  | 'INTERNAL_ERROR';

/** The one error type routes throw; `handleError` turns it into JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    /** Values the message names, for clients that word it themselves. */
    readonly params?: Record<string, string | number>,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; params?: Record<string, string | number> };
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) } };
    return c.json<ErrorBody>(body, error.status, error.headers);
  }
  // Unexpected: log it for operators, answer without internals.
  console.error(`[api] ${c.req.method} ${c.req.path}:`, error);
  return c.json<ErrorBody>({ error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' } }, 500);
}

export function handleNotFound(c: Context): Response {
  return c.json<ErrorBody>({ error: { code: 'NOT_FOUND', message: `No API route for ${c.req.method} ${c.req.path}.` } }, 404);
}
