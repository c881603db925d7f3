import type { Localized } from '$lib/api/contract';
import type { InstitutionType } from '@terep/db/contract';

export type { CoverageSummary, CoverageTotals, DistanceMethod, InstitutionType, RankedPlace } from '@terep/db/contract';

export type ReachUnit = 'km' | 'minutes';

export interface CoverageRequest {
  types: readonly string[];
  reach: number;
  unit: ReachUnit;
  rankBy: string | null;
}

export function typeName(type: InstitutionType): Localized {
  return { hu: type.nameHu, en: type.nameEn || type.nameHu };
}
