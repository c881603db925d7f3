import type { UnitLevel } from '$lib/api/contract';
import { fetchJson } from '$lib/api/fetch-json';
import type { IndicatorCatalog, IndicatorValues } from './indicator-types';

export function fetchIndicatorCatalog(signal?: AbortSignal): Promise<IndicatorCatalog> {
  return fetchJson<IndicatorCatalog>('/api/indicators', { signal });
}

export interface IndicatorValuesRequest {
  key: string;
  level: UnitLevel;
  year?: number;
}

const valuesCache = new Map<string, Promise<IndicatorValues>>();

/** Values of one indicator at one level (and year), cached for the session. */
export function fetchIndicatorValues(request: IndicatorValuesRequest): Promise<IndicatorValues> {
  const cacheKey = `${request.key}|${request.level}|${request.year ?? ''}`;
  let pending = valuesCache.get(cacheKey);
  if (!pending) {
    pending = fetchJson<IndicatorValues>(`/api/indicators/${encodeURIComponent(request.key)}`, {
      query: { level: request.level, year: request.year },
    });
    // A failed request must not poison the cache: the next attempt asks again.
    pending.catch(() => valuesCache.delete(cacheKey));
    valuesCache.set(cacheKey, pending);
  }
  return pending;
}
