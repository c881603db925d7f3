import { postForm } from '$lib/api/post-form';
import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';
import type { RouteRequest, RouteScenario, RouteScenarioSummary, SavedRoutePlan, StopListReading } from './logistics-types';

/** Plans routes on the server (the search runs in a worker thread there), which saves the answer under `name`. */
export function fetchRoutePlan(request: RouteRequest & { name: string }, signal?: AbortSignal): Promise<SavedRoutePlan> {
  return sendJson<SavedRoutePlan>('/api/routes', request, { signal });
}

export async function fetchRouteScenarios(signal?: AbortSignal): Promise<RouteScenarioSummary[]> {
  return (await fetchJson<{ scenarios: RouteScenarioSummary[] }>('/api/routes/scenarios', { signal })).scenarios;
}

export function fetchRouteScenario(id: number, signal?: AbortSignal): Promise<RouteScenario> {
  return fetchJson<RouteScenario>(`/api/routes/scenarios/${id}`, { signal });
}

export async function deleteRouteScenario(id: number): Promise<void> {
  await fetchJson<unknown>(`/api/routes/scenarios/${id}`, { method: 'DELETE' });
}

/** Reads a stop list file against the settlements, row by row. */
export function readStopList(file: File, signal?: AbortSignal): Promise<StopListReading> {
  const form = new FormData();
  form.set('file', file);
  return postForm<StopListReading>('/api/routes/stops/csv', form, { signal });
}
