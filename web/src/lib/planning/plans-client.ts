import type { PlanDetail, PlanDoneEvent, PlanFailedEvent, PlanProgress, PlanRequestBody, PlanScenario, PlanStarted } from '@terep/db/contract';
import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';

/** Starts a run: the id at once (202), or the API's 400 when the request is infeasible. */
export function startPlan(body: PlanRequestBody): Promise<PlanStarted> {
  return sendJson<PlanStarted>('/api/plans', body);
}

export function fetchPlan(id: number, signal?: AbortSignal): Promise<PlanDetail> {
  return fetchJson<PlanDetail>(`/api/plans/${id}`, { cache: 'no-store', signal });
}

export async function fetchPlans(signal?: AbortSignal): Promise<PlanScenario[]> {
  return (await fetchJson<{ plans: PlanScenario[] }>('/api/plans', { cache: 'no-store', signal })).plans;
}

export function deletePlan(id: number): Promise<{ id: number; deleted: true }> {
  return fetchJson(`/api/plans/${id}`, { method: 'DELETE' });
}

export interface PlanEventHandlers {
  /** The whole progress so far; a reconnected stream replays it from the start. */
  onProgress: (progress: PlanProgress[]) => void;
  onDone: (event: PlanDoneEvent) => void;
  onFailed: (event: PlanFailedEvent) => void;
  /** The stream broke for good (the browser gave up reconnecting). */
  onLost: () => void;
}

/** Follows a run's server-sent events until `done` or `failed`; returns the function that stops following. */
export function watchPlan(id: number, handlers: PlanEventHandlers): () => void {
  const source = new EventSource(`/api/plans/${id}/events`);
  let progress: PlanProgress[] = [];
  source.addEventListener('open', () => (progress = []));
  source.addEventListener('progress', (event) => {
    progress = [...progress, JSON.parse((event as MessageEvent<string>).data) as PlanProgress];
    handlers.onProgress(progress);
  });
  source.addEventListener('done', (event) => {
    source.close();
    handlers.onDone(JSON.parse((event as MessageEvent<string>).data) as PlanDoneEvent);
  });
  source.addEventListener('failed', (event) => {
    source.close();
    handlers.onFailed(JSON.parse((event as MessageEvent<string>).data) as PlanFailedEvent);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) handlers.onLost();
  });
  return () => source.close();
}
