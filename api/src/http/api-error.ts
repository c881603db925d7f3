import { ArchiveTooLargeError } from '@terep/data-import';
import type { ApiErrorBody, MessageParams, ProblemCode } from '@terep/db';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { JobRefusedError } from '../jobs/job-slots.ts';

/** Stable machine-readable error codes: clients may switch on them. */
export type ApiErrorCode =
  | 'INVALID_PARAMETER'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'URI_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'TOO_MANY_JOBS'
  | 'SHUTTING_DOWN'
  | 'NOT_FOUND'
  | 'LAYER_NOT_FOUND'
  | 'SETTLEMENT_NOT_FOUND'
  | 'AREA_NOT_FOUND'
  | 'INDICATOR_NOT_FOUND'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_ALREADY_ROLLED_BACK'
  | 'IMPORT_IN_USE'
  | 'FILE_TOO_LARGE'
  | 'ARCHIVE_TOO_LARGE'
  | 'NO_WAREHOUSES'
  | 'NEED_INDEX_EXISTS'
  | 'DEMAND_CAPACITY_MISMATCH'
  | 'INFEASIBLE'
  | 'UNSUPPORTED'
  | 'SOLVER_FAILED'
  | 'PLAN_NOT_FOUND'
  | 'ROUTE_SCENARIO_NOT_FOUND'
  // Route requests (api/src/logistics/logistics-error.ts).
  | 'NO_DEPOTS' | 'NO_STOPS' | 'EMPTY_FLEET' | 'UNKNOWN_WAREHOUSE' | 'UNKNOWN_SETTLEMENT' | 'UNKNOWN_DEPOT' | 'INVALID_TIME_WINDOW' | 'DEPOT_UNROUTABLE'
  | 'ROAD_NETWORK_INVALID' | 'ROAD_NETWORK_NOT_FOUND'
  // Accounts and access (api/src/auth/).
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OUT_OF_SCOPE' | 'CROSS_ORIGIN' | 'RATE_LIMITED' | 'PASSWORD_CHANGE_REQUIRED'
  | 'INVALID_CREDENTIALS' | 'USER_EXISTS' | 'USER_NOT_FOUND' | 'UNKNOWN_ROLE' | 'UNKNOWN_COUNTY' | 'WEAK_PASSWORD'
  // Need signals (api/src/need-signals/): a refused value answers the import's own problem code.
  | ProblemCode | 'NEED_SIGNAL_NOT_FOUND' | 'NEED_SIGNAL_WITHDRAWN'
  // Saved views, stories and share links (api/src/views/).
  | 'VIEW_NOT_FOUND' | 'STORY_NOT_FOUND' | 'SHARE_NOT_FOUND' | 'SHARE_REVOKED' | 'SHARE_EXPIRED' | 'NOT_OWNER'
  // Programmes and the helper network (api/src/programmes/; ProgrammeErrorCode in db/src/contract/programmes.ts).
  | 'PROGRAMME_NOT_FOUND' | 'PROJECT_NOT_FOUND' | 'PARTNER_NOT_FOUND' | 'NETWORK_NOT_FOUND' | 'ACTIVITY_NOT_FOUND'
  | 'PROGRAMME_EXISTS' | 'PROJECT_EXISTS' | 'PARTNER_EXISTS' | 'NETWORK_EXISTS' | 'MEMBER_EXISTS'
  | 'UNKNOWN_SERVICE_TYPE' | 'UNKNOWN_AREA' | 'UNKNOWN_USER' | 'NOT_COORDINATOR' | 'UNKNOWN_NEED_INDICATOR'
  // The donation bank (DonationErrorCode in db/src/contract/donations.ts says when each is answered).
  | 'STOCK_INSUFFICIENT' | 'UNKNOWN_ITEM' | 'INVALID_QUANTITY' | 'OFFER_NOT_FOUND' | 'REQUEST_NOT_FOUND' | 'ALLOCATION_NOT_FOUND'
  | 'PERSONAL_DATA_NOT_STORED' | 'OFFER_STATUS_INVALID' | 'REQUEST_CLOSED' | 'ALLOCATION_STALE' | 'ALLOCATION_NOT_COMMITTED'
  | 'DELIVERY_EXCEEDS_COMMITTED' | 'ITEM_EXISTS'
  | 'INTERNAL_ERROR';

/** Values a client may show or act on (limits, positions), beside the message for people. */
export type ErrorParams = MessageParams;

/**
 * The one error type routes throw; `handleError` turns it into JSON. `message` is English for API
 * users; `params` carry the values the web needs to word the same error in Hungarian or English.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    /** Values the message names, for clients that word it themselves. */
    readonly params: ErrorParams = {},
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ErrorBody = ApiErrorBody & { error: { code: ApiErrorCode } };

/** The JSON answer of an error, also for answers written outside Hono (server.ts's client errors). */
export function errorBody(code: ApiErrorCode, message: string, params: ErrorParams = {}): ErrorBody {
  return { error: { code, message, params } };
}

/** A request field that failed its schema check: the field's path and the check's English words. */
export function invalidField(field: string, issue: string): ApiError {
  return new ApiError(400, 'INVALID_PARAMETER', `Invalid "${field}": ${issue}.`, { reason: 'invalid-field', field });
}

/** A plan or route search takes seconds to a minute: the hint a refused client waits before retrying. */
const JOB_RETRY_SECONDS = 10;

export function handleError(error: Error, c: Context): Response {
  if (error instanceof JobRefusedError) {
    if (error.reason === 'stopping') return c.json(errorBody('SHUTTING_DOWN', error.message), 503);
    c.header('Retry-After', String(JOB_RETRY_SECONDS));
    const { limit, running } = error;
    return c.json(errorBody('TOO_MANY_JOBS', error.message, { scope: error.reason === 'user-limit' ? 'user' : 'server', limit, running, retryAfterSeconds: JOB_RETRY_SECONDS }), 429);
  }
  if (error instanceof ArchiveTooLargeError) {
    return c.json(errorBody('ARCHIVE_TOO_LARGE', error.message, { limitBytes: error.limitBytes, expandedBytes: error.expandedBytes }), 413);
  }
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.params), error.status, error.headers);
  // Unexpected: log it for operators, answer without internals.
  console.error(`[api] ${c.req.method} ${c.req.path}:`, error);
  return c.json(errorBody('INTERNAL_ERROR', 'An unexpected error occurred.'), 500);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody('NOT_FOUND', `No API route for ${c.req.method} ${c.req.path}.`, { method: c.req.method, path: c.req.path }), 404);
}
