import { fetchJson } from '$lib/api/fetch-json';
import type { NeedCategory } from './need-signal-vocabulary';
import type { OrgCollections, OrgLayerId } from './org-layer-types';

export interface OrgLayerFilter {
  /** Need signals: the categories summed (all when omitted). */
  categories?: readonly NeedCategory[];
}

/**
 * The whole country's features of one organisation layer. Never cached: the data changes with
 * every import and rollback (the API answers `no-store` too).
 */
export function fetchOrgLayer<K extends OrgLayerId>(id: K, filter: OrgLayerFilter = {}, signal?: AbortSignal): Promise<OrgCollections[K]> {
  return fetchJson<OrgCollections[K]>(`/api/layers/${id}`, {
    query: { category: filter.categories?.join(',') },
    cache: 'no-store',
    signal,
  });
}
