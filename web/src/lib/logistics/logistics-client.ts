import { postForm } from '$lib/api/post-form';
import { sendJson } from '$lib/api/send-json';
import type { RoutePlan, RouteRequest, StopListReading } from './logistics-types';

/** Plans routes on the server (the search runs in a worker thread there). */
export function fetchRoutePlan(request: RouteRequest, signal?: AbortSignal): Promise<RoutePlan> {
  return sendJson<RoutePlan>('/api/routes', request, { signal });
}

/** Reads a stop list file against the settlements, row by row. */
export function readStopList(file: File, signal?: AbortSignal): Promise<StopListReading> {
  const form = new FormData();
  form.set('file', file);
  return postForm<StopListReading>('/api/routes/stops/csv', form, { signal });
}
