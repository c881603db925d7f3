import type { HealthResponse } from './contract';
import { fetchJson } from './fetch-json';

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return fetchJson<HealthResponse>('/api/health', { signal });
}
