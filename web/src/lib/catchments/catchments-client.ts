import { sendJson } from '$lib/api/send-json';
import type { CatchmentAnswer, CatchmentRequest } from './catchment-types';

/** Catchments of the stored warehouses, or of a what-if against them (with the difference). */
export function fetchCatchments(request: CatchmentRequest, signal?: AbortSignal): Promise<CatchmentAnswer> {
  return sendJson<CatchmentAnswer>('/api/catchments', request, { signal });
}
