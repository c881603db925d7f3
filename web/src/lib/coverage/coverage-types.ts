import type { Localized } from '$lib/api/contract';

export type { CoverageSummary, CoverageTotals, DistanceMethod, RankedPlace } from '@terep/db/contract';

/** `GET /api/imports/institution-types`. */
export interface InstitutionType {
  key: string;
  nameHu: string;
  nameEn: string;
  builtin: boolean;
}

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
