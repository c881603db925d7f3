/** What a reach is measured in: road (or estimated) kilometres, or travel minutes. */
export type TravelUnit = 'km' | 'minutes';

/** The reach the pages start with and plans use when none is given: 15 km, or 20 minutes at the travel speed. */
export const DEFAULT_REACH: Record<TravelUnit, number> = { km: 15, minutes: 20 };

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

/** `GET /api/coverage`. */
export interface CoverageSummary {
  reachKm: number;
  distanceMethod: DistanceMethod;
  services: number;
  covered: CoverageTotals;
  uncovered: CoverageTotals;
  /** The neediest places no service reaches, neediest first. */
  neediestUncovered: RankedPlace[];
  /** Per settlement, for the map: distance to the nearest service and whether it is within reach. */
  bySettlement: Record<string, { distanceKm: number | null; covered: boolean }>;
}
