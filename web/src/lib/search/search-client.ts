import { fetchJson } from '$lib/api/fetch-json';
import type { SearchResponse } from './search-types';

export const SEARCH_LIMIT = 10;

/** Accent-insensitive place search (the server folds accents). */
export function fetchSearchResults(query: string, signal?: AbortSignal): Promise<SearchResponse> {
  return fetchJson<SearchResponse>('/api/search', { query: { q: query, limit: SEARCH_LIMIT }, signal });
}
