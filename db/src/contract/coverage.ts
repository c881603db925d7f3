/** What a reach is measured in: road (or estimated) kilometres, or travel minutes. */
export type TravelUnit = 'km' | 'minutes';

/** The reach the pages start with and plans use when none is given: 15 km, or 20 minutes at the travel speed. */
export const DEFAULT_REACH: Record<TravelUnit, number> = { km: 15, minutes: 20 };

/**
 * Distances and reaches are compared in whole metres (or thousandths of a minute): a settlement exactly at
 * the reach is within it whatever the floating-point noise of the measurement. Coverage, plans, the covering
 * models and the catchments' maximum distance all use this one rule.
 */
export function roundToMetres(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The reach boundary is inclusive: distance ≤ reach is within reach (in whole metres). */
export function withinReach(distance: number, reach: number): boolean {
  return roundToMetres(distance) <= roundToMetres(reach);
}

/** How a distance was measured; every answer says which. */
export interface DistanceMethod {
  kind: 'straight-line-estimate' | 'road-network';
  /** Straight-line distance × this while no road network is loaded (1 on the network). */
  detourFactor: number;
  /** Speed turning estimated distances into travel times; absent on the network (edge speeds apply). */
  speedKmh?: number;
}

export interface CoverageTotals {
  settlements: number;
  population: number;
  outskirtsPopulation2011: number;
  /** Need-signal counts; null when none were imported or the sum is below the small-count threshold. */
  households: number | null;
  persons: number | null;
}

export interface RankedPlace {
  code: string;
  name: string;
  population: number;
  distanceKm: number | null;
  /** Null below the small-count threshold (never shown exactly) or when no signal was imported. */
  households: number | null;
  persons: number | null;
  need: number | null;
}

/** The need indicator uncovered places are ranked by when no need signals are imported and none is chosen. */
export const DEFAULT_RANK_INDICATOR = 'dev_index_290_2014';

/**
 * How the neediest uncovered places are ranked, as the answer states it: by signalled households (then
 * signalled persons; only places with signals are listed), or by a need indicator in its need direction
 * (places without a value are not listed). Population breaks ties, the larger first; never ranks alone.
 */
export type CoverageRanking =
  | { by: 'need-signals'; tieBreak: 'population' }
  | { by: 'indicator'; indicator: string; needDirection: 1 | -1; tieBreak: 'population' };

/** `GET /api/coverage`. */
export interface CoverageSummary {
  /** The reach in km; a settlement is covered when its distance ≤ reach (inclusive, in whole metres). */
  reachKm: number;
  distanceMethod: DistanceMethod;
  services: number;
  covered: CoverageTotals;
  uncovered: CoverageTotals;
  /** The rule `neediestUncovered` follows. */
  ranking: CoverageRanking;
  /** The neediest places no service reaches, neediest first, by `ranking`. */
  neediestUncovered: RankedPlace[];
  /** Per settlement, for the map: distance to the nearest service and whether it is within reach. */
  bySettlement: Record<string, { distanceKm: number | null; covered: boolean }>;
}
