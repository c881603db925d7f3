import { fetchInstitutionTypes } from '$lib/coverage/coverage-client';
import type { InstitutionType } from '$lib/coverage/coverage-types';
import { fetchUnitLayer } from '$lib/map/unit-layers-client';
import { fetchNeedIndices } from '$lib/need-index/need-index-client';
import type { SavedNeedIndex } from '$lib/need-index/need-index-types';

export interface CountyChoice {
  code: string;
  name: string;
}

/** What the planning panel offers: service types, counties (as planning areas) and saved need indices. */
export class PlanningChoices {
  types = $state.raw<InstitutionType[] | null>(null);
  counties = $state.raw<CountyChoice[]>([]);
  needIndices = $state.raw<SavedNeedIndex[]>([]);
  error = $state.raw<unknown>(null);

  async load(): Promise<void> {
    try {
      const [types, counties, indices] = await Promise.all([
        fetchInstitutionTypes(),
        // The coarsest county outlines are the lightest way to the county names.
        fetchUnitLayer('counties', 5),
        fetchNeedIndices(),
      ]);
      this.types = types.types;
      this.counties = counties.features
        .map((feature) => ({ code: feature.properties.code, name: feature.properties.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'hu'));
      this.needIndices = indices;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }
}
