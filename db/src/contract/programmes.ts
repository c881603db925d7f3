import type { LocalisedText } from './common.ts';

/**
 * Programmes, their projects and partners, the helper network and its cases (issue 15).
 *
 * Small counts: wherever a count of cases could identify families (`cases`, `caseCount`, the
 * case-density layer, CSV exports) a count below SMALL_COUNT_THRESHOLD leaves the server as
 * `null` with `<field>BelowThreshold: true` beside it (shown as "<5"), unless the reader is an
 * admin or a regional user of the case's county. Participant counts of public events and
 * indicator values are not about persons in need and are shown exactly.
 */

// ---------------------------------------------------------------------------------------------
// Controlled lists (the imports' and the forms' values; the web words them from its catalogue)
// ---------------------------------------------------------------------------------------------

export type PartnerKind = 'municipality' | 'ngo' | 'church' | 'school' | 'business' | 'roma-self-government' | 'other';
export const PARTNER_KINDS: readonly PartnerKind[] = ['municipality', 'ngo', 'church', 'school', 'business', 'roma-self-government', 'other'];

export type ProjectStatus = 'planned' | 'running' | 'completed' | 'cancelled';
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['planned', 'running', 'completed', 'cancelled'];

/** A partner's part in a project. */
export type PartnerRole = 'lead' | 'consortium';

/** Kinds of action-area parts: whole settlements or districts, an imported segregated area, or a drawn/imported polygon. */
export type ActionAreaKind = 'settlement' | 'district' | 'segregated-area' | 'polygon';
export const ACTION_AREA_KINDS: readonly ActionAreaKind[] = ['settlement', 'district', 'segregated-area', 'polygon'];

/** The programme service palette a service type belongs to (null for the institution types without one). */
export type ServicePalette = 'social' | 'community' | 'competence-development';
export const SERVICE_PALETTES: readonly ServicePalette[] = ['social', 'community', 'competence-development'];

export type MemberKind = 'volunteer' | 'organisation-member';
export const MEMBER_KINDS: readonly MemberKind[] = ['volunteer', 'organisation-member'];

export type ExperienceLevel = 'new' | 'experienced' | 'mentor';
export const EXPERIENCE_LEVELS: readonly ExperienceLevel[] = ['new', 'experienced', 'mentor'];

export type CaseDomain = 'education' | 'housing' | 'employment' | 'health' | 'public-administration' | 'other';
export const CASE_DOMAINS: readonly CaseDomain[] = ['education', 'housing', 'employment', 'health', 'public-administration', 'other'];

export type CaseHelp = 'advice' | 'administrative-help' | 'phone-email' | 'mediation' | 'follow-up';
export const CASE_HELP: readonly CaseHelp[] = ['advice', 'administrative-help', 'phone-email', 'mediation', 'follow-up'];

export type CaseStatus = 'open' | 'in-progress' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'in-progress', 'closed'];

export type ActivityKind = 'workshop' | 'training' | 'supervision' | 'forum' | 'community-event' | 'other';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['workshop', 'training', 'supervision', 'forum', 'community-event', 'other'];

/** Administrative level of a gap-view row or a case aggregate. */
export type AreaLevel = 'settlement' | 'district';

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/** A settlement or district named in an answer. */
export interface PlaceRef {
  code: string;
  name: string;
}

/** A service type of the project's palette (institution_type with its palette). */
export interface ProgrammeService {
  key: string;
  name: LocalisedText;
  /** null for the ordinary institution types a project may also deliver. */
  palette: ServicePalette | null;
}

/** `GET /api/programmes/services`: every service type a project may name, palette first. */
export interface ProgrammeServiceList {
  services: ProgrammeService[];
}

/** A count that may be withheld: `value` null and `belowThreshold` true where it is below 5 for this reader. */
export interface GuardedCount {
  value: number | null;
  belowThreshold: boolean;
}

// ---------------------------------------------------------------------------------------------
// Programmes and projects
// ---------------------------------------------------------------------------------------------

/** One row of `GET /api/programmes`. */
export interface ProgrammeSummary {
  id: number;
  name: string;
  funder: string | null;
  /** e.g. "TÁMOP 5.1.3", "TOP 6.9.1". */
  callCode: string | null;
  /** YYYY-MM-DD or null. */
  startsOn: string | null;
  endsOn: string | null;
  description: string | null;
  projectCount: number;
  partnerCount: number;
  /** County codes the programme's action areas touch (regional staff edit in these). */
  counties: string[];
  /** Total of the projects' budgets in HUF, null when none is known. */
  budgetHuf: number | null;
  /** Whether the signed-in user may edit this programme (admin, its coordinators, regional staff of its counties). */
  editable: boolean;
}

/** `GET /api/programmes`. */
export interface ProgrammeList {
  programmes: ProgrammeSummary[];
}

/** A partner as a project lists it. */
export interface ProjectPartner {
  partnerId: number;
  name: string;
  kind: PartnerKind;
  role: PartnerRole;
}

/** One part of a project's action area. */
export interface ActionAreaPart {
  id: number;
  kind: ActionAreaKind;
  /** KSH code of a settlement, district code, or segregated_area id as text; null for a polygon. */
  code: string | null;
  name: string;
  /** County codes the part touches. */
  counties: string[];
}

/** A project's indicator: target and achieved value (achieved null until reported). */
export interface ProjectTarget {
  id: number;
  /** The indicator as the call names it, e.g. "Bevont személyek száma". */
  indicator: string;
  unit: string | null;
  target: number;
  achieved: number | null;
  /** Share achieved (achieved / target), null when achieved is unknown or target is 0. */
  ratio: number | null;
  /** YYYY-MM-DD of the report of the achieved value. */
  reportedOn: string | null;
}

/** One project inside `ProgrammeDetail`. */
export interface ProjectDetail {
  id: number;
  programmeId: number;
  name: string;
  /** The project's own code (e.g. "TOP-6.9.1-16-BS1-2017-00003"), if known. */
  code: string | null;
  lead: ProjectPartner | null;
  partners: ProjectPartner[];
  status: ProjectStatus;
  startsOn: string | null;
  endsOn: string | null;
  budgetHuf: number | null;
  services: ProgrammeService[];
  area: ActionAreaPart[];
  targets: ProjectTarget[];
  activityCount: number;
  participantTotal: number;
}

/** An event of a project. */
export interface ActivityRecord {
  id: number;
  projectId: number;
  projectName: string;
  kind: ActivityKind;
  title: string | null;
  /** YYYY-MM-DD. */
  date: string;
  settlement: PlaceRef;
  participants: number | null;
}

/** `GET /api/programmes/:id`. */
export interface ProgrammeDetail extends Omit<ProgrammeSummary, 'projectCount' | 'partnerCount'> {
  projects: ProjectDetail[];
  /** Every partner of any project, each once, with its projects. */
  partners: (PartnerRecord & { projectIds: number[] })[];
  activities: ActivityRecord[];
  /** Usernames of the programme's coordinators (who edit it beside admins). */
  coordinators: string[];
  /** Whether the programmes' action areas overlap another programme's anywhere. */
  overlapsOtherProgrammes: boolean;
}

/** `GET /api/programmes/:id/areas`: GeoJSON FeatureCollection of the action-area parts. */
export interface ActionAreaFeatureProperties {
  programmeId: number;
  programmeName: string;
  projectId: number;
  projectName: string;
  partId: number;
  kind: ActionAreaKind;
  code: string | null;
  name: string;
  /** True where this part overlaps an action area of another programme (the web hatches it). */
  overlap: boolean;
  /** Names of the other programmes it overlaps. */
  overlapsWith: string[];
}

// Bodies (admins and the programme's coordinators; regional staff in their counties) ------------

/** `POST /api/programmes` and (every field optional) `PATCH /api/programmes/:id`. */
export interface ProgrammeInput {
  name: string;
  funder?: string | null;
  callCode?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  description?: string | null;
}

/** `PUT /api/programmes/:id/coordinators` (admin): the usernames who coordinate the programme. */
export interface CoordinatorsInput {
  usernames: string[];
}

/** One action-area part in a body: by code (settlement KSH code, district code, segregated-area id) or a GeoJSON polygon. */
export type ActionAreaInput =
  | { kind: 'settlement' | 'district' | 'segregated-area'; code: string }
  | { kind: 'polygon'; name: string; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

/** `POST /api/programmes/:id/projects` and (every field optional) `PATCH /api/projects/:id`. */
export interface ProjectInput {
  name: string;
  code?: string | null;
  status?: ProjectStatus;
  startsOn?: string | null;
  endsOn?: string | null;
  budgetHuf?: number | null;
  /** Partner ids; the lead is one of them or separate. */
  leadPartnerId?: number | null;
  partnerIds?: number[];
  /** Service type keys. */
  services?: string[];
  /** Replaces the whole action area when sent. */
  area?: ActionAreaInput[];
}

/** `PUT /api/projects/:id/targets`: the project's indicator targets and achieved values, replaced as a whole. */
export interface ProjectTargetsInput {
  targets: { indicator: string; unit?: string | null; target: number; achieved?: number | null; reportedOn?: string | null }[];
}

/** `POST /api/projects/:id/activities`. */
export interface ActivityInput {
  kind: ActivityKind;
  title?: string | null;
  date: string;
  settlementCode: string;
  participants?: number | null;
}

/** Answer of a create: the new row's id. */
export interface ProgrammeCreated {
  id: number;
}

// ---------------------------------------------------------------------------------------------
// Partners and networks
// ---------------------------------------------------------------------------------------------

/** One row of `GET /api/partners`. */
export interface PartnerRecord {
  id: number;
  name: string;
  kind: PartnerKind;
  seat: PlaceRef & { countyCode: string };
  /** A role, e.g. "programme manager"; never a person's name unless the organisation gave one. */
  contactRole: string | null;
  /** Networks the partner belongs to. */
  networks: { id: number; name: string }[];
  projectCount: number;
}

/** `GET /api/partners`. */
export interface PartnerList {
  partners: PartnerRecord[];
}

/** `POST /api/partners`, `PATCH /api/partners/:id` (every field optional). */
export interface PartnerInput {
  name: string;
  kind: PartnerKind;
  seatSettlementCode: string;
  contactRole?: string | null;
  networkIds?: number[];
}

/** A helper network (e.g. a Roma activists' network). */
export interface NetworkSummary {
  id: number;
  name: string;
  description: string | null;
  /** The programme it belongs to, if any. */
  programmeId: number | null;
  memberCount: number;
  /** Settlements reached by at least one member (directly or through a district). */
  settlementsReached: number;
  partnerCount: number;
  /** All the network's cases; withheld below 5 unless admin or regional of every case county. */
  cases: GuardedCount;
}

/** `GET /api/networks`. */
export interface NetworkList {
  networks: NetworkSummary[];
}

/** One helper-network member: no name, only area, kind and experience. */
export interface NetworkMemberRecord {
  id: number;
  networkId: number;
  /** The organisation's own pseudonymous member code (e.g. "M-017"), never a name. */
  memberCode: string;
  kind: MemberKind;
  experience: ExperienceLevel;
  /** Partner organisation the member belongs to (organisation members). */
  partnerId: number | null;
  settlements: PlaceRef[];
  districts: PlaceRef[];
}

/** `GET /api/networks/:id/members` (admin, planner, regional; not viewers). */
export interface NetworkMemberList {
  members: NetworkMemberRecord[];
}

/** `POST /api/networks` body. */
export interface NetworkInput {
  name: string;
  description?: string | null;
  programmeId?: number | null;
}

/** `POST /api/networks/:id/members` body. */
export interface NetworkMemberInput {
  memberCode: string;
  kind: MemberKind;
  experience: ExperienceLevel;
  partnerId?: number | null;
  settlementCodes?: string[];
  districtCodes?: string[];
}

// ---------------------------------------------------------------------------------------------
// Cases (pseudonymous, no personal data)
// ---------------------------------------------------------------------------------------------

/** One raw case (`GET /api/cases`): admins, and regional users in their counties only. */
export interface CaseRecord {
  id: number;
  networkId: number;
  caseNumber: string;
  settlement: PlaceRef;
  countyCode: string;
  domain: CaseDomain;
  help: CaseHelp[];
  status: CaseStatus;
  openedOn: string;
  closedOn: string | null;
  importId: number | null;
}

export interface CaseList {
  cases: CaseRecord[];
}

/** One place of `GET /api/cases/aggregate?level=settlement|district`: counts per domain, each guarded. */
export interface CaseAggregateRow {
  level: AreaLevel;
  code: string;
  name: string;
  countyCode: string;
  total: GuardedCount;
  byDomain: Record<CaseDomain, GuardedCount>;
  open: GuardedCount;
}

/** `GET /api/cases/aggregate`. */
export interface CaseAggregate {
  level: AreaLevel;
  /** Filters applied. */
  networkId: number | null;
  domain: CaseDomain | null;
  from: string | null;
  to: string | null;
  rows: CaseAggregateRow[];
  /** Sum over all rows, guarded as the rows are. */
  total: GuardedCount;
}

// ---------------------------------------------------------------------------------------------
// Gap view
// ---------------------------------------------------------------------------------------------

/**
 * `GET /api/gaps?level=settlement|district&need=<indicator key | need_signals>&radiusKm=N&limit=N`:
 * places ranked by need against programme presence and helper reach.
 */
export interface GapRow {
  rank: number;
  level: AreaLevel;
  code: string;
  name: string;
  countyCode: string;
  population: number;
  /** The need value (indicator value, or need signals per 1,000 residents). */
  need: number;
  /** Share of places with a need value no higher than this one, 0–1. */
  needPercentile: number;
  /** A programme's action area covers (intersects) the place. */
  programmePresent: boolean;
  /** Distance from the place to the nearest programme action area, km (0 when present); null when there is none. */
  nearestProgrammeKm: number | null;
  nearestProgramme: { id: number; name: string } | null;
  /** A helper-network member's area covers the place. */
  helperPresent: boolean;
  /** Distance to the nearest helper-network area, km (0 when present); null when there is none. */
  nearestHelperKm: number | null;
  /** True where need is high (percentile ≥ the threshold), no programme covers it and no helper is within radiusKm. */
  gap: boolean;
  /** [lon, lat] of the place's label point (to fly to). */
  point: [number, number];
}

/** `GET /api/gaps`. */
export interface GapAnswer {
  level: AreaLevel;
  need: { key: string; title: LocalisedText; year: number | null };
  radiusKm: number;
  /** Percentile from which need counts as high (0–1). */
  highNeedPercentile: number;
  /** Places with a need value considered. */
  considered: number;
  gapCount: number;
  rows: GapRow[];
}

// ---------------------------------------------------------------------------------------------
// Map layers (`GET /api/layers/<id>`, GeoJSON) — property shapes
// ---------------------------------------------------------------------------------------------

/** Layer ids this capability adds to the layer catalogue. */
export const PROGRAMME_LAYER_IDS = ['programme-areas', 'partner-seats', 'helper-areas', 'case-density', 'programme-activities'] as const;
export type ProgrammeLayerId = (typeof PROGRAMME_LAYER_IDS)[number];

/** `programme-areas` (filter `programme=<id>`): `ActionAreaFeatureProperties` per part. */
export type ProgrammeAreaLayerProperties = ActionAreaFeatureProperties;

/** `partner-seats`: a point per partner at its seat settlement's label point. */
export interface PartnerSeatProperties {
  partnerId: number;
  name: string;
  kind: PartnerKind;
  settlementCode: string;
  settlementName: string;
  projectCount: number;
  programmeIds: number[];
}

/** `helper-areas` (filter `network=<id>`): a polygon per settlement/district reached, with member counts guarded. */
export interface HelperAreaProperties {
  networkId: number;
  networkName: string;
  level: AreaLevel;
  code: string;
  name: string;
  members: number | null;
  membersBelowThreshold: boolean;
}

/** `case-density` (filter `domain=<d>`, `network=<id>`): a point per settlement at its label point. */
export interface CaseDensityProperties {
  settlementCode: string;
  name: string;
  cases: number | null;
  casesBelowThreshold: boolean;
  /** Cases per 1,000 residents; null when withheld. */
  perThousand: number | null;
  domains: CaseDomain[];
}

/** `programme-activities` (filters `programme`, `from`, `to`): a point per activity, for the time slider. */
export interface ActivityPointProperties {
  activityId: number;
  programmeId: number;
  projectId: number;
  projectName: string;
  kind: ActivityKind;
  title: string | null;
  date: string;
  settlementName: string;
  participants: number | null;
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/**
 * `GET /api/programmes/:id/export.csv`: Hungarian Excel style (UTF-8 BOM, `;`, decimal comma),
 * sections for projects, partners, areas, services, targets and activities.
 * `GET /api/cases/aggregate.csv?level=…`: the aggregate with "<5" where withheld.
 */
export const PROGRAMME_EXPORT_CONTENT_TYPE = 'text/csv; charset=utf-8';

// ---------------------------------------------------------------------------------------------
// API error codes of this capability (worded in web/src/lib/i18n/messages/api-errors.ts)
// ---------------------------------------------------------------------------------------------

export type ProgrammeErrorCode =
  | 'PROGRAMME_NOT_FOUND'
  | 'PROJECT_NOT_FOUND'
  | 'PARTNER_NOT_FOUND'
  | 'NETWORK_NOT_FOUND'
  | 'ACTIVITY_NOT_FOUND'
  | 'PROGRAMME_EXISTS'
  | 'PROJECT_EXISTS'
  | 'PARTNER_EXISTS'
  | 'UNKNOWN_SERVICE_TYPE'
  | 'UNKNOWN_AREA'
  | 'UNKNOWN_USER'
  | 'NOT_COORDINATOR'
  | 'UNKNOWN_NEED_INDICATOR';
