import type { Localized } from '$lib/api/contract';

/** How distances were measured: straight lines times a detour factor, or on a road network. */
export interface DistanceMethod {
  kind: 'straight-line-estimate' | 'road-network';
  detourFactor: number;
}

export interface CoverageTotals {
  settlements: number;
  population: number;
  outskirtsPopulation2011: number;
  /** Need-signal counts; null when none were imported or the sum is below 5. */
  households: number | null;
  persons: number | null;
}

export interface RankedPlace {
  code: string;
  name: string;
  population: number;
  distanceKm: number | null;
  /** Null below 5 (never shown exactly) or when no signal was imported. */
  households: number | null;
  persons: number | null;
  need: number | null;
}

/** `GET /api/coverage`. */
export interface CoverageSummary {
  reachKm: number;
  distanceMethod: DistanceMethod;
  services: number;
  covered: CoverageTotals;
  uncovered: CoverageTotals;
  neediestUncovered: RankedPlace[];
  bySettlement: Record<string, { distanceKm: number | null; covered: boolean }>;
}

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
