/**
 * The database as Kysely sees it. Declared once here and imported everywhere.
 * Geometry columns are typed as opaque strings: they are only ever read through
 * PostGIS functions (ST_AsGeoJSON, ST_X...) in queries.
 */
import type { ColumnType, Generated } from 'kysely';

type Geometry = ColumnType<string, string, string>;

export type UnitKind = 'settlement' | 'district' | 'county';
export const UNIT_KINDS: readonly UnitKind[] = ['settlement', 'district', 'county'];

export interface CountyTable {
  code: string;
  name: string;
  name_folded: string;
  geom: Geometry;
  label_point: Geometry;
}

export interface DistrictTable {
  code: string;
  name: string;
  name_folded: string;
  seat_name: string;
  county_code: string;
  geom: Geometry;
  label_point: Geometry;
}

export interface SettlementTable {
  code: string;
  name: string;
  name_folded: string;
  legal_status: string;
  county_code: string;
  district_code: string;
  population_2024: number;
  area_ha: number;
  dwellings: number;
  roma_self_government: boolean;
  postcodes: string[];
  geom: Geometry;
  label_point: Geometry;
}

export interface SettlementPartTable {
  settlement_code: string;
  seq: number;
  name: string;
  part_type: string;
  outskirt_kind: string | null;
  postcode: string | null;
  distance_km: number | null;
  population_2011: number | null;
  dwellings_2011: number | null;
}

export type IndicatorKind = 'numeric' | 'category';

export interface LocalisedText {
  hu: string;
  en: string;
}

export interface IndicatorCategory {
  value: number;
  label: LocalisedText;
}

export interface IndicatorTable {
  key: string;
  title_hu: string;
  title_en: string;
  unit_hu: string;
  unit_en: string;
  kind: IndicatorKind;
  /** +1: higher value means more need; -1: lower value means more need; 0: neutral. */
  need_direction: number;
  source: string;
  attribution: string;
  /** For kind 'category': the codes and their labels. */
  categories: ColumnType<IndicatorCategory[] | null, string | null, string | null>;
  sort_order: number;
}

export interface IndicatorValueTable {
  unit_kind: UnitKind;
  unit_code: string;
  indicator_key: string;
  year: number;
  value: number;
  source: string;
  /** True where a settlement shows its district's value. */
  from_district: Generated<boolean>;
}

export interface BoundaryGeneralisedTable {
  unit_kind: UnitKind;
  code: string;
  min_zoom: number;
  geom: Geometry;
}

export interface Database {
  county: CountyTable;
  district: DistrictTable;
  settlement: SettlementTable;
  settlement_part: SettlementPartTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  boundary_generalised: BoundaryGeneralisedTable;
}

export type { Generated };
