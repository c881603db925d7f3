import type { MultiPolygon, Polygon } from 'geojson';
import type { DistanceMethod } from './coverage.ts';

export type CatchmentMode = 'nearest' | 'capacitated';
export const CATCHMENT_MODES: readonly CatchmentMode[] = ['nearest', 'capacitated'];

export type DemandMeasure = 'population' | 'households' | 'persons';
export const DEMAND_MEASURES: readonly DemandMeasure[] = ['population', 'households', 'persons'];

/**
 * Warehouse capacity is counted in parcels per distribution round, one parcel per household: the unit of the
 * need signals' households. Only that demand can be weighed against it (utilisation, capacitated catchments);
 * residents or signalled persons are no parcels, and no rule turns them into parcels without invented figures.
 */
export const CAPACITY_UNIT: DemandMeasure = 'households';

export interface WarehouseSite {
  /** Stored warehouse id, or null for a what-if site that exists only in the request. */
  id: number | null;
  name: string;
  lon: number;
  lat: number;
  /** In parcels per round, one per household (CAPACITY_UNIT); null for unlimited. */
  capacity: number | null;
  countyCode: string | null;
}

export interface SiteCatchment {
  site: WarehouseSite;
  settlements: number;
  population: number;
  /** Need-signal households in the catchment; null below the small-count threshold. */
  households: number | null;
  /**
   * Demand served, in the chosen measure (`CatchmentResult.demand`). Signalled households or persons below
   * the small-count threshold are null (with `loadBelowThreshold`) for everyone but admins; so is their utilisation.
   */
  load: number | null;
  loadBelowThreshold: boolean;
  /** load / capacity (1 = full), only when the capacity is known and the demand is in its unit (households). */
  utilisation: number | null;
  /** Demand-weighted mean distance, km. */
  meanDistanceKm: number;
  /** The catchment polygon, the union of its settlements. */
  geometry: Polygon | MultiPolygon | null;
}

export interface CatchmentResult {
  mode: CatchmentMode;
  /** The unit of every load: residents, signalled households or signalled persons. */
  demand: DemandMeasure;
  /** The unit of the warehouses' capacities (always households: parcels, one per household). */
  capacityUnit: DemandMeasure;
  /** No settlement is served from farther than this (km, inclusive); null for no limit. */
  maxDistanceKm: number | null;
  distanceMethod: DistanceMethod;
  sites: SiteCatchment[];
  /** Settlement code → index into sites; settlements no warehouse serves are absent (see `unserved`). */
  assignment: Record<string, number>;
  /**
   * Demand no warehouse serves: beyond the maximum distance from every warehouse, or above the capacities
   * within it. `demand` in the chosen measure; `codes` lists the settlements left wholly or partly unserved.
   */
  unserved: { settlements: number; demand: number | null; demandBelowThreshold: boolean; codes: string[] };
  /** Settlements whose demand the capacitated solution splits between sites. */
  splits: { code: string; shares: { site: number; share: number }[] }[];
  /** Total served demand × km (in the demand's unit times km); null when a load is withheld (it would give that load away). */
  objective: number | null;
}

export interface CatchmentDifference {
  /** Settlements served by another site in the scenario, with the baseline and scenario site names (null: no warehouse serves it). */
  moved: { code: string; from: string | null; to: string | null }[];
  /** Null, as the changes below, when a withheld count of either side would follow from it. */
  objectiveChange: number | null;
  /** Change of the demand-weighted mean distance of the served demand, km; null when either side serves no demand. */
  meanDistanceChangeKm: number | null;
  /** Scenario's unserved demand minus the baseline's, in the demand's unit. */
  unservedChange: number | null;
  /** Loads as in `SiteCatchment.load` (null: withheld below the threshold). */
  sites: { name: string; baselineLoad: number | null; scenarioLoad: number | null; baselineSettlements: number; scenarioSettlements: number }[];
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
  /** Serve no settlement from farther than this, km; omitted or null for no limit. */
  maxDistanceKm?: number | null;
  scenario?: CatchmentScenario;
}

/** `POST /api/catchments`. */
export interface CatchmentAnswer {
  result: CatchmentResult;
  baseline?: CatchmentResult | null;
  difference?: CatchmentDifference | null;
}
