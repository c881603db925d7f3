import type { MultiPolygon, Polygon } from 'geojson';
import type { DistanceMethod } from '$lib/coverage/coverage-types';

export type CatchmentMode = 'nearest' | 'capacitated';
export type DemandMeasure = 'population' | 'households' | 'persons';

export const CATCHMENT_MODES: readonly CatchmentMode[] = ['nearest', 'capacitated'];
export const DEMAND_MEASURES: readonly DemandMeasure[] = ['population', 'households', 'persons'];

export interface WarehouseSite {
  /** Stored warehouse id; null for a planned site that exists only in the what-if. */
  id: number | null;
  name: string;
  lon: number;
  lat: number;
  /** In the unit of the demand; null for unlimited. */
  capacity: number | null;
}

export interface SiteCatchment {
  site: WarehouseSite;
  settlements: number;
  population: number;
  /** Need-signal households; null below 5 or when none were imported. */
  households: number | null;
  load: number;
  utilisation: number | null;
  meanDistanceKm: number;
  geometry: Polygon | MultiPolygon | null;
}

export interface CatchmentResult {
  mode: CatchmentMode;
  demand: DemandMeasure;
  distanceMethod: DistanceMethod;
  sites: SiteCatchment[];
  /** Settlement code → index into `sites`. */
  assignment: Record<string, number>;
  splits: { code: string; shares: { site: number; share: number }[] }[];
  objective: number;
}

export interface CatchmentDifference {
  moved: { code: string; from: string; to: string }[];
  objectiveChange: number;
  sites: { name: string; baselineLoad: number; scenarioLoad: number; baselineSettlements: number; scenarioSettlements: number }[];
}

/** A what-if: planned sites (new, or a stored one moved/re-sized when `id` is set) and closed ones. */
export interface CatchmentScenario {
  sites: { id?: number; name: string; lon: number; lat: number; capacity?: number | null }[];
  remove: number[];
}

export interface CatchmentRequest {
  mode: CatchmentMode;
  demand: DemandMeasure;
  scenario?: CatchmentScenario;
}

/** `POST /api/catchments`. */
export interface CatchmentAnswer {
  result: CatchmentResult;
  baseline?: CatchmentResult | null;
  difference?: CatchmentDifference | null;
}
