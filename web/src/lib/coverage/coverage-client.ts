import { fetchJson } from '$lib/api/fetch-json';
import type { InstitutionFeature, OrgCollections } from '$lib/org-layers/org-layer-types';
import type { CoverageRequest, CoverageSummary, InstitutionType } from './coverage-types';

export function fetchInstitutionTypes(signal?: AbortSignal): Promise<{ types: InstitutionType[] }> {
  return fetchJson<{ types: InstitutionType[] }>('/api/imports/institution-types', { signal });
}

/** How many of the neediest uncovered places the table ranks (and the map marks). */
export const RANKED_PLACES = 25;

/** Coverage of the chosen service types; never cached (imports change it). */
export function fetchCoverage(request: CoverageRequest, signal?: AbortSignal): Promise<CoverageSummary> {
  return fetchJson<CoverageSummary>('/api/coverage', {
    query: {
      type: request.types.join(','),
      [request.unit === 'km' ? 'reachKm' : 'reachMinutes']: request.reach,
      rankBy: request.rankBy,
      limit: RANKED_PLACES,
    },
    cache: 'no-store',
    signal,
  });
}

/** The institutions of the chosen types, as points for the map. */
export async function fetchInstitutionsOfTypes(types: readonly string[], signal?: AbortSignal): Promise<InstitutionFeature[]> {
  const collection = await fetchJson<OrgCollections['institutions']>('/api/layers/institutions', {
    query: { type: types.join(',') },
    cache: 'no-store',
    signal,
  });
  return collection.features;
}
