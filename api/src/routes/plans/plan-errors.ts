import type { PlanError } from '@terep/db';
import { ApiError } from '../../http/api-error.ts';
import { WorkerTaskError } from '../../jobs/run-in-worker.ts';
import { PlanningError } from '../../planning/planning-error.ts';

/**
 * One mapping from planning failures to answers, used for the POST's 400 and
 * for a run that fails later (its `failed` event and its scenario), so both
 * carry the same code and message.
 */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const known = error instanceof PlanningError || error instanceof WorkerTaskError;
  const code = known ? error.code : undefined;
  const params = known ? error.params : {};
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'INFEASIBLE':
      return new ApiError(400, 'INFEASIBLE', message, params);
    case 'UNSUPPORTED':
      return new ApiError(400, 'UNSUPPORTED', message, params);
    case 'INVALID_INSTANCE':
      return new ApiError(400, 'INVALID_PARAMETER', message, { reason: 'invalid-instance', ...params });
    case 'SOLVER_FAILED':
      return new ApiError(500, 'SOLVER_FAILED', message, params);
    default:
      console.error('[plans] unexpected failure:', error);
      return new ApiError(500, 'INTERNAL_ERROR', 'The plan could not be computed because of an unexpected error.');
  }
}

export function planErrorOf(error: unknown): PlanError {
  const { code, message, params } = apiErrorOf(error);
  return { code, message, params };
}
