import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Attribution, Localized } from '$lib/api/contract';
import type { NeedCategory } from './need-signal-vocabulary';

/** The map layers of the organisations' own data (`origin: 'organisation'` in `GET /api/layers`). */
export type OrgLayerId = 'institutions' | 'warehouses' | 'segregated-areas' | 'need-signals';

/** Drawing order in the panel: points first, the area outlines last. */
export const ORG_LAYER_IDS: readonly OrgLayerId[] = ['institutions', 'warehouses', 'need-signals', 'segregated-areas'];

export function isOrgLayerId(value: string): value is OrgLayerId {
  return (ORG_LAYER_IDS as readonly string[]).includes(value);
}

/** One organisation entry of `GET /api/layers`. */
export interface OrgLayerMeta {
  id: OrgLayerId;
  title: Localized;
  geometry: 'polygon' | 'point';
  origin: 'organisation';
  attribution: Attribution[];
}

export interface InstitutionProperties {
  id: number;
  name: string;
  /** Service type key (`social-kitchen`...). */
  type: string;
  typeName: Localized;
  address: string | null;
  settlementCode: string;
  settlementName: string;
  capacity: number | null;
  operator: string | null;
  importId: number;
  /** The row had no coordinates: the point stands at its settlement's centre, not at the address. */
  placedAtCentre: boolean;
}

export interface WarehouseProperties {
  id: number;
  name: string;
  address: string | null;
  settlementCode: string;
  settlementName: string;
  countyCode: string;
  countyName: string;
  capacity: number | null;
  importId: number;
  /** The row had no coordinates: the point stands at its settlement's centre, not at the address. */
  placedAtCentre: boolean;
}

export interface SegregatedAreaProperties {
  id: number;
  name: string;
  settlementCode: string;
  settlementName: string;
  /** Null below 5 (then `populationBelowThreshold`) or when not given. */
  population: number | null;
  populationBelowThreshold: boolean;
  /** Percent, 0-100. */
  lowEducationShare: number | null;
  noRegularIncomeShare: number | null;
  source: string | null;
  year: number | null;
  repaired: boolean;
  importId: number;
}

/** Need signals summed per settlement; counts below 5 arrive as null with a flag, never exactly. */
export interface NeedSignalProperties {
  settlementCode: string;
  name: string;
  households: number | null;
  householdsBelowThreshold: boolean;
  persons: number | null;
  personsBelowThreshold: boolean;
  categories: NeedCategory[];
  urgent: boolean;
  /** Date of the latest signal, YYYY-MM-DD. */
  latest: string | null;
}

export type InstitutionFeature = Feature<Point, InstitutionProperties>;
export type WarehouseFeature = Feature<Point, WarehouseProperties>;
export type SegregatedAreaFeature = Feature<Polygon | MultiPolygon, SegregatedAreaProperties>;
export type NeedSignalFeature = Feature<Point, NeedSignalProperties>;

export interface OrgCollections {
  institutions: FeatureCollection<Point, InstitutionProperties>;
  warehouses: FeatureCollection<Point, WarehouseProperties>;
  'segregated-areas': FeatureCollection<Polygon | MultiPolygon, SegregatedAreaProperties>;
  'need-signals': FeatureCollection<Point, NeedSignalProperties>;
}

/** What the pointer is over, among the organisation layers. */
export type OrgHit =
  | { layer: 'institutions'; properties: InstitutionProperties }
  | { layer: 'warehouses'; properties: WarehouseProperties }
  | { layer: 'segregated-areas'; properties: SegregatedAreaProperties }
  | { layer: 'need-signals'; properties: NeedSignalProperties };
