import type { MultiPolygon, Polygon } from 'geojson';
import type { DistanceMethod } from './coverage.ts';

export type CatchmentMode = 'nearest' | 'capacitated';
export const CATCHMENT_MODES: readonly CatchmentMode[] = ['nearest', 'capacitated'];

export type DemandMeasure = 'population' | 'households' | 'persons';
export const DEMAND_MEASURES: readonly DemandMeasure[] = ['population', 'households', 'persons'];

export interface WarehouseSite {
  /** Stored warehouse id, or null for a what-if site that exists only in the request. */
  id: number | null;
  name: string;
  lon: number;
  lat: number;
  /** In the unit of the demand; null for unlimited. */
  capacity: number | null;
  countyCode: string | null;
}

export interface SiteCatchment {
  site: WarehouseSite;
  settlements: number;
  population: number;
  /** Need-signal households in the catchment; null below the small-count threshold. */
  households: number | null;
  /** Demand served, in the chosen measure. */
  load: number;
  /** load / capacity, when the capacity is known. */
  utilisation: number | null;
  /** Demand-weighted mean distance, km. */
  meanDistanceKm: number;
  /** The catchment polygon, the union of its settlements. */
  geometry: Polygon | MultiPolygon | null;
}

export interface CatchmentResult {
  mode: CatchmentMode;
  demand: DemandMeasure;
  distanceMethod: DistanceMethod;
  sites: SiteCatchment[];
  /** Settlement code → index into sites. */
  assignment: Record<string, number>;
  /** Settlements whose demand the capacitated solution splits between sites. */
  splits: { code: string; shares: { site: number; share: number }[] }[];
  /** Total demand × km. */
  objective: number;
}

export interface CatchmentDifference {
  /** Settlements served by another site in the scenario, with the baseline and scenario site names. */
  moved: { code: string; from: string; to: string }[];
  objectiveChange: number;
  sites: { name: string; baselineLoad: number; scenarioLoad: number; baselineSettlements: number; scenarioSettlements: number }[];
}

/** A what-if: planned sites (new, or a stored one moved/re-sized when `id` is set) and closed ones. */
export interface CatchmentScenario {
  sites: { id?: number; name: string; lon: number; lat: number; capacity?: number | null }[];
  remove: number[];
}

/** The body of `POST /api/catchments`. */
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
