import { fetchJson } from '$lib/api/fetch-json';
import type { HexAnswer } from './heatmap-types';

export function fetchHexagons(request: { resolution: number; indicator?: string | null }, signal?: AbortSignal): Promise<HexAnswer> {
  return fetchJson<HexAnswer>('/api/heatmap/h3', {
    query: { resolution: request.resolution, indicator: request.indicator ?? undefined },
    cache: 'no-store',
    signal,
  });
}
