import type { Localized } from '$lib/api/contract';
import type { InstitutionType, TravelUnit } from '@terep/db/contract';

export type { CoverageSummary, CoverageTotals, DistanceMethod, InstitutionType, RankedPlace, TravelUnit } from '@terep/db/contract';

export interface CoverageRequest {
  types: readonly string[];
  reach: number;
  unit: TravelUnit;
  rankBy: string | null;
}

export function typeName(type: InstitutionType): Localized {
  return { hu: type.nameHu, en: type.nameEn || type.nameHu };
}
