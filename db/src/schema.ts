/**
 * The database as Kysely sees it. Declared once here and imported everywhere.
 * Geometry columns are typed as opaque strings: they are only ever read through
 * PostGIS functions (ST_AsGeoJSON, ST_X...) in queries.
 */
import type { LocalisedText } from './contract/common.ts';
import type { Role } from './contract/accounts.ts';
import type { ImportKind } from './contract/imports.ts';
import type { NeedCategory, Urgency } from './contract/need-signals.ts';
import type { ActionAreaKind, ActivityKind, CaseDomain, CaseStatus, ExperienceLevel, MemberKind, PartnerKind, PartnerRole, ProjectStatus, ServicePalette } from './contract/programmes.ts';
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

export interface IndicatorCategory {
  value: number;
  label: LocalisedText;
  /** Rank of need for colouring (higher = more need), where the categories have an order of need. */
  need?: number;
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

export type { NeedCategory, Urgency } from './contract/need-signals.ts';

export interface ImportRunTable {
  id: Generated<number>;
  kind: ImportKind;
  file_name: string;
  imported_by: string;
  imported_at: ColumnType<Date, never, never>;
  row_count: number;
  imported_count: number;
  skipped_count: number;
  warning_count: number;
  status: ColumnType<'active' | 'rolled-back', never, 'active' | 'rolled-back'>;
  rolled_back_at: ColumnType<Date | null, never, Date | null>;
}

export interface InstitutionTypeTable {
  key: string;
  name_hu: string;
  name_en: string;
  builtin: Generated<boolean>;
  sort_order: number;
  palette: ColumnType<ServicePalette | null, ServicePalette | null | undefined, ServicePalette | null>;
}

export interface InstitutionTable {
  id: Generated<number>;
  import_id: number;
  source_row: number;
  name: string;
  type_key: string;
  address: string | null;
  settlement_code: string;
  capacity: number | null;
  operator: string | null;
  geom: Geometry;
  placed_at_centre: Generated<boolean>;
}

export interface WarehouseTable {
  id: Generated<number>;
  import_id: number;
  source_row: number;
  name: string;
  address: string | null;
  settlement_code: string;
  county_code: string;
  capacity: number | null;
  geom: Geometry;
  placed_at_centre: Generated<boolean>;
}

export interface SegregatedAreaTable {
  id: Generated<number>;
  import_id: number;
  source_row: number;
  name: string;
  settlement_code: string;
  population: number | null;
  low_education_share: number | null;
  no_regular_income_share: number | null;
  source: string | null;
  year: number | null;
  repaired: Generated<boolean>;
  geom: Geometry;
}

export interface NeedSignalTable {
  id: Generated<number>;
  /** Null for a signal recorded by hand (`POST /api/need-signals`). */
  import_id: number | null;
  source_row: number | null;
  settlement_code: string;
  category: NeedCategory;
  urgency: Urgency;
  households: number | null;
  persons: number | null;
  reported_on: ColumnType<string, string, string>;
  organisation: string;
  recorded_by: number | null;
  recorded_by_name: string | null;
  recorded_at: ColumnType<string, string | undefined, string>;
  updated_at: string | null;
  /** Withdrawn signals stay as history; every view of need reads only those with this null. */
  withdrawn_at: string | null;
  withdrawn_by_name: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<string, string | undefined, never>;
  user_id: number | null;
  username: string;
  action: string;
  object_kind: string;
  object_id: string | null;
  before: unknown;
  after: unknown;
}

export interface SettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, never, never>;
}

export interface NeedIndexTable {
  indicator_key: string;
  name: string;
  components: ColumnType<NeedIndexComponent[], string, string>;
  created_at: ColumnType<Date, never, never>;
}

export interface NeedIndexComponent {
  indicatorKey: string;
  weight: number;
}

/** History of road-network loads; one is active at a time (migration 004). */
export interface RoadNetworkTable {
  id: Generated<number>;
  file_name: string;
  format: 'osm-pbf' | 'geojson';
  imported_by: string;
  imported_at: Generated<string>;
  way_count: number;
  node_count: number;
  routable_node_count: number;
  edge_count: number;
  length_km: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  status: Generated<'active' | 'replaced' | 'removed'>;
  ended_at: string | null;
}

/** A junction or dead end; `routable` when in the largest strongly connected part of the graph. */
export interface RoadNodeTable {
  id: number;
  routable: boolean;
  geom: Geometry;
}

/** The road between two nodes, with pgRouting's costs (seconds; negative = not drivable that way). */
export interface RoadEdgeTable {
  id: number;
  source: number;
  target: number;
  osm_way_id: number | null;
  highway: string;
  name: string | null;
  speed_kmh: number;
  maxspeed: string | null;
  oneway: -1 | 0 | 1;
  length_m: number;
  cost_s: number;
  reverse_cost_s: number;
  geom: Geometry;
}

/** A saved siting run (migration 005); request and results as JSON. */
export interface PlanScenarioTable {
  id: Generated<number>;
  name: string;
  created_at: Generated<string>;
  finished_at: string | null;
  status: Generated<'running' | 'done' | 'failed'>;
  request: unknown;
  summary: unknown;
  sites: unknown;
  result: unknown;
  error: unknown;
}

/** A person who signs in (migration 006). */
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The counties a regional user is scoped to. */
export interface AppUserCountyTable {
  user_id: number;
  county_code: string;
}

/** A signed-in session; `token_hash` is the SHA-256 (hex) of the cookie's token. */
export interface AppSessionTable {
  token_hash: string;
  user_id: number;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface RouteScenarioTable {
  id: Generated<number>;
  name: string;
  created_at: Generated<string>;
  request: unknown;
  stops: unknown;
  plan: unknown;
  route_count: number;
  stop_count: number;
  distance_km: number;
}

export interface DataVersionTable {
  scope: 'geography' | 'indicators';
  version: number;
}

export interface TileCacheTable {
  layer: string;
  z: number;
  x: number;
  y: number;
  data_version: number;
  etag: string;
  bytes: Uint8Array;
}

/** Programmes and the helper network (issue 15); dates come back as YYYY-MM-DD text through the queries' casts. */
export interface ProgrammeTable {
  id: Generated<number>;
  import_id: number | null;
  name: string;
  funder: string | null;
  call_code: string | null;
  starts_on: string | null;
  ends_on: string | null;
  description: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface ProgrammeCoordinatorTable {
  programme_id: number;
  user_id: number;
}

export interface PartnerTable {
  id: Generated<number>;
  import_id: number | null;
  source_row: number | null;
  name: string;
  name_folded: string;
  kind: PartnerKind;
  settlement_code: string;
  contact_role: string | null;
}

export interface ProjectTable {
  id: Generated<number>;
  programme_id: number;
  import_id: number | null;
  source_row: number | null;
  name: string;
  code: string | null;
  status: ProjectStatus;
  starts_on: string | null;
  ends_on: string | null;
  budget_huf: number | null;
}

export interface ProjectPartnerTable {
  project_id: number;
  partner_id: number;
  role: PartnerRole;
}

export interface ProjectServiceTable {
  project_id: number;
  type_key: string;
}

export interface ProjectAreaTable {
  id: Generated<number>;
  project_id: number;
  kind: ActionAreaKind;
  settlement_code: string | null;
  district_code: string | null;
  segregated_area_id: number | null;
  name: string;
  county_codes: string[];
  settlement_codes: string[];
  geom: Geometry;
}

export interface ProjectTargetTable {
  id: Generated<number>;
  project_id: number;
  indicator: string;
  unit: string | null;
  target: number;
  achieved: number | null;
  reported_on: string | null;
}

export interface ActivityTable {
  id: Generated<number>;
  project_id: number;
  import_id: number | null;
  source_row: number | null;
  kind: ActivityKind;
  title: string | null;
  held_on: string;
  settlement_code: string;
  participants: number | null;
}

export interface HelperNetworkTable {
  id: Generated<number>;
  import_id: number | null;
  name: string;
  name_folded: string;
  description: string | null;
  programme_id: number | null;
}

export interface NetworkPartnerTable {
  network_id: number;
  partner_id: number;
}

export interface NetworkMemberTable {
  id: Generated<number>;
  network_id: number;
  import_id: number | null;
  source_row: number | null;
  member_code: string;
  kind: MemberKind;
  experience: ExperienceLevel;
  partner_id: number | null;
}

export interface NetworkMemberAreaTable {
  member_id: number;
  settlement_code: string | null;
  district_code: string | null;
}

export interface CaseRecordTable {
  id: Generated<number>;
  network_id: number;
  import_id: number | null;
  source_row: number | null;
  case_number: string;
  settlement_code: string;
  domain: CaseDomain;
  help: string[];
  status: CaseStatus;
  opened_on: string;
  closed_on: string | null;
}

export interface Database {
  app_user: AppUserTable;
  app_user_county: AppUserCountyTable;
  app_session: AppSessionTable;
  setting: SettingTable;
  need_index: NeedIndexTable;
  import_run: ImportRunTable;
  institution_type: InstitutionTypeTable;
  institution: InstitutionTable;
  warehouse: WarehouseTable;
  segregated_area: SegregatedAreaTable;
  need_signal: NeedSignalTable;
  county: CountyTable;
  district: DistrictTable;
  settlement: SettlementTable;
  settlement_part: SettlementPartTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  boundary_generalised: BoundaryGeneralisedTable;
  road_network: RoadNetworkTable;
  road_node: RoadNodeTable;
  road_edge: RoadEdgeTable;
  plan_scenario: PlanScenarioTable;
  route_scenario: RouteScenarioTable;
  data_version: DataVersionTable;
  tile_cache: TileCacheTable;
  audit_log: AuditLogTable;
  programme: ProgrammeTable;
  programme_coordinator: ProgrammeCoordinatorTable;
  partner: PartnerTable;
  project: ProjectTable;
  project_partner: ProjectPartnerTable;
  project_service: ProjectServiceTable;
  project_area: ProjectAreaTable;
  project_target: ProjectTargetTable;
  activity: ActivityTable;
  helper_network: HelperNetworkTable;
  network_partner: NetworkPartnerTable;
  network_member: NetworkMemberTable;
  network_member_area: NetworkMemberAreaTable;
  case_record: CaseRecordTable;
}

export type { Generated };
