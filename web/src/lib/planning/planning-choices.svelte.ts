import { fetchInstitutionTypes } from '$lib/coverage/coverage-client';
import type { InstitutionType } from '$lib/coverage/coverage-types';
import { fetchCounties, type CountyChoice } from '$lib/map/unit-layers-client';
import { fetchNeedIndices } from '$lib/need-index/need-index-client';
import type { SavedNeedIndex } from '$lib/need-index/need-index-types';

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
        fetchCounties(),
        fetchNeedIndices(),
      ]);
      this.types = types.types;
      this.counties = counties;
      this.needIndices = indices;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }
}
