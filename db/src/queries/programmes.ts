import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  ActionAreaPart,
  ActivityRecord,
  AreaLevel,
  CaseDomain,
  CaseRecord,
  NetworkMemberRecord,
  NetworkSummary,
  PartnerRecord,
  ProgrammeService,
  ProgrammeSummary,
  ProjectDetail,
  ProjectPartner,
  ProjectTarget,
} from '../contract/programmes.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reads of programmes, projects, partners, networks and cases (issue 15). Case counts leave these
 * functions exact, with the county each lies in: the API withholds them per reader
 * (api/src/programmes/guard-counts.ts), since who may see them exactly depends on the reader's counties.
 */

/** A programme as stored, with what the list shows; `editable` is the API's to decide. */
export interface ProgrammeRow extends Omit<ProgrammeSummary, 'editable'> {
  coordinatorIds: number[];
  coordinators: string[];
}

export async function listProgrammeRows(db: Db, id?: number): Promise<ProgrammeRow[]> {
  const { rows } = await sql<{
    id: number; name: string; funder: string | null; call_code: string | null; starts_on: string | null; ends_on: string | null; description: string | null;
    project_count: number; partner_count: number; counties: string[] | null; budget: string | null; coordinator_ids: number[] | null; coordinators: string[] | null;
  }>`
    SELECT g.id, g.name, g.funder, g.call_code, g.starts_on::text, g.ends_on::text, g.description,
      (SELECT count(*)::int FROM project j WHERE j.programme_id = g.id) AS project_count,
      (SELECT count(DISTINCT pp.partner_id)::int FROM project j JOIN project_partner pp ON pp.project_id = j.id WHERE j.programme_id = g.id) AS partner_count,
      (SELECT array_agg(DISTINCT c ORDER BY c) FROM project j JOIN project_area a ON a.project_id = j.id CROSS JOIN unnest(a.county_codes) AS c WHERE j.programme_id = g.id) AS counties,
      (SELECT sum(j.budget_huf)::text FROM project j WHERE j.programme_id = g.id) AS budget,
      (SELECT array_agg(u.id ORDER BY u.username) FROM programme_coordinator pc JOIN app_user u ON u.id = pc.user_id WHERE pc.programme_id = g.id) AS coordinator_ids,
      (SELECT array_agg(u.username ORDER BY u.username) FROM programme_coordinator pc JOIN app_user u ON u.id = pc.user_id WHERE pc.programme_id = g.id) AS coordinators
    FROM programme g
    WHERE ${id === undefined ? sql`true` : sql`g.id = ${id}`}
    ORDER BY g.name, g.id`.execute(db);
  return rows.map((row) => ({
    id: row.id, name: row.name, funder: row.funder, callCode: row.call_code, startsOn: row.starts_on, endsOn: row.ends_on, description: row.description,
    projectCount: row.project_count, partnerCount: row.partner_count, counties: row.counties ?? [], budgetHuf: row.budget === null ? null : Number(row.budget),
    coordinatorIds: row.coordinator_ids ?? [], coordinators: row.coordinators ?? [],
  }));
}

/** The service types a project may name: the palette first, then the other institution types. */
export async function listProgrammeServices(db: Db): Promise<ProgrammeService[]> {
  const rows = await db.selectFrom('institution_type').select(['key', 'name_hu', 'name_en', 'palette'])
    .orderBy(sql`palette IS NULL`).orderBy('palette').orderBy('sort_order').execute();
  return rows.map((row) => ({ key: row.key, name: { hu: row.name_hu, en: row.name_en }, palette: row.palette }));
}

/** The projects of a programme with their partners, services, areas, targets and activity totals. */
export async function listProjects(db: Db, programmeId: number): Promise<ProjectDetail[]> {
  const projects = await sql<{
    id: number; name: string; code: string | null; status: ProjectDetail['status']; starts_on: string | null; ends_on: string | null; budget: string | null;
    activity_count: number; participant_total: number;
  }>`
    SELECT j.id, j.name, j.code, j.status, j.starts_on::text, j.ends_on::text, j.budget_huf::text AS budget,
      (SELECT count(*)::int FROM activity t WHERE t.project_id = j.id) AS activity_count,
      (SELECT coalesce(sum(t.participants), 0)::int FROM activity t WHERE t.project_id = j.id) AS participant_total
    FROM project j WHERE j.programme_id = ${programmeId} ORDER BY j.id`.execute(db);
  const ids = projects.rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const partners = await sql<{ project_id: number; partner_id: number; name: string; kind: ProjectPartner['kind']; role: ProjectPartner['role'] }>`
    SELECT pp.project_id, p.id AS partner_id, p.name, p.kind, pp.role FROM project_partner pp JOIN partner p ON p.id = pp.partner_id
    WHERE pp.project_id IN (${sql.join(ids)}) ORDER BY pp.role DESC, p.name`.execute(db);
  const services = await sql<{ project_id: number; key: string; name_hu: string; name_en: string; palette: ProgrammeService['palette'] }>`
    SELECT ps.project_id, t.key, t.name_hu, t.name_en, t.palette FROM project_service ps JOIN institution_type t ON t.key = ps.type_key
    WHERE ps.project_id IN (${sql.join(ids)}) ORDER BY t.sort_order`.execute(db);
  const areas = await sql<{ project_id: number; id: number; kind: ActionAreaPart['kind']; code: string | null; name: string; county_codes: string[] }>`
    SELECT a.project_id, a.id, a.kind, coalesce(a.settlement_code, a.district_code, a.segregated_area_id::text) AS code, a.name, a.county_codes
    FROM project_area a WHERE a.project_id IN (${sql.join(ids)}) ORDER BY a.id`.execute(db);
  const targets = await sql<{ project_id: number; id: number; indicator: string; unit: string | null; target: number; achieved: number | null; reported_on: string | null }>`
    SELECT project_id, id, indicator, unit, target, achieved, reported_on::text FROM project_target WHERE project_id IN (${sql.join(ids)}) ORDER BY id`.execute(db);
  return projects.rows.map((row) => {
    const own = partners.rows.filter((partner) => partner.project_id === row.id)
      .map((partner): ProjectPartner => ({ partnerId: partner.partner_id, name: partner.name, kind: partner.kind, role: partner.role }));
    return {
      id: row.id, programmeId, name: row.name, code: row.code, status: row.status, startsOn: row.starts_on, endsOn: row.ends_on,
      budgetHuf: row.budget === null ? null : Number(row.budget),
      lead: own.find((partner) => partner.role === 'lead') ?? null,
      partners: own.filter((partner) => partner.role === 'consortium'),
      services: services.rows.filter((service) => service.project_id === row.id)
        .map((service) => ({ key: service.key, name: { hu: service.name_hu, en: service.name_en }, palette: service.palette })),
      area: areas.rows.filter((area) => area.project_id === row.id)
        .map((area) => ({ id: area.id, kind: area.kind, code: area.code, name: area.name, counties: area.county_codes })),
      targets: targets.rows.filter((target) => target.project_id === row.id).map((target): ProjectTarget => ({
        id: target.id, indicator: target.indicator, unit: target.unit, target: target.target, achieved: target.achieved, reportedOn: target.reported_on,
        ratio: target.achieved === null || target.target === 0 ? null : Math.round((target.achieved / target.target) * 1000) / 1000,
      })),
      activityCount: row.activity_count,
      participantTotal: row.participant_total,
    };
  });
}

export async function listProgrammeActivities(db: Db, programmeId: number): Promise<ActivityRecord[]> {
  const { rows } = await sql<{ id: number; project_id: number; project_name: string; kind: ActivityRecord['kind']; title: string | null; date: string; code: string; name: string; participants: number | null }>`
    SELECT t.id, t.project_id, j.name AS project_name, t.kind, t.title, t.held_on::text AS date, s.code, s.name, t.participants
    FROM activity t JOIN project j ON j.id = t.project_id JOIN settlement s ON s.code = t.settlement_code
    WHERE j.programme_id = ${programmeId} ORDER BY t.held_on, t.id`.execute(db);
  return rows.map((row) => ({
    id: row.id, projectId: row.project_id, projectName: row.project_name, kind: row.kind, title: row.title, date: row.date,
    settlement: { code: row.code, name: row.name }, participants: row.participants,
  }));
}

/** Partners, every one or those of one programme (with the programme's projects each belongs to). */
export async function listPartners(db: Db, programmeId?: number): Promise<(PartnerRecord & { projectIds: number[] })[]> {
  const { rows } = await sql<{
    id: number; name: string; kind: PartnerRecord['kind']; code: string; settlement: string; county_code: string; contact_role: string | null;
    networks: { id: number; name: string }[] | string | null; project_count: number; project_ids: number[] | null;
  }>`
    SELECT p.id, p.name, p.kind, s.code, s.name AS settlement, s.county_code, p.contact_role,
      (SELECT json_agg(json_build_object('id', n.id, 'name', n.name) ORDER BY n.name) FROM network_partner np JOIN helper_network n ON n.id = np.network_id
        WHERE np.partner_id = p.id)::text AS networks,
      (SELECT count(*)::int FROM project_partner pp WHERE pp.partner_id = p.id) AS project_count,
      (SELECT array_agg(pp.project_id ORDER BY pp.project_id) FROM project_partner pp JOIN project j ON j.id = pp.project_id
        WHERE pp.partner_id = p.id ${programmeId === undefined ? sql`` : sql`AND j.programme_id = ${programmeId}`}) AS project_ids
    FROM partner p JOIN settlement s ON s.code = p.settlement_code
    ${programmeId === undefined ? sql`` : sql`WHERE EXISTS (SELECT 1 FROM project_partner pp JOIN project j ON j.id = pp.project_id WHERE pp.partner_id = p.id AND j.programme_id = ${programmeId})`}
    ORDER BY p.name, p.id`.execute(db);
  return rows.map((row) => ({
    id: row.id, name: row.name, kind: row.kind, seat: { code: row.code, name: row.settlement, countyCode: row.county_code }, contactRole: row.contact_role,
    networks: row.networks === null ? [] : typeof row.networks === 'string' ? JSON.parse(row.networks) : row.networks,
    projectCount: row.project_count, projectIds: row.project_ids ?? [],
  }));
}

/** Whether any of the programme's action areas overlaps (by area, not a shared border) another programme's. */
export async function programmeOverlaps(db: Db, programmeId: number): Promise<boolean> {
  const { rows } = await sql<{ overlaps: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM project j JOIN project_area a ON a.project_id = j.id
        JOIN project_area b ON b.geom && a.geom JOIN project k ON k.id = b.project_id
      WHERE j.programme_id = ${programmeId} AND k.programme_id <> ${programmeId} AND ST_Relate(a.geom, b.geom, '2********')
    ) AS overlaps`.execute(db);
  return rows[0]!.overlaps;
}

/** A network with its raw case count and the counties of its cases (the API guards the count per reader). */
export interface NetworkRow extends Omit<NetworkSummary, 'cases'> {
  caseCount: number;
  caseCounties: string[];
}

export async function listNetworkRows(db: Db): Promise<NetworkRow[]> {
  const { rows } = await sql<{
    id: number; name: string; description: string | null; programme_id: number | null; member_count: number; reached: number; partner_count: number;
    case_count: number; case_counties: string[] | null;
  }>`
    SELECT n.id, n.name, n.description, n.programme_id,
      (SELECT count(*)::int FROM network_member m WHERE m.network_id = n.id) AS member_count,
      (SELECT count(DISTINCT s.code)::int FROM network_member m JOIN network_member_area a ON a.member_id = m.id
        JOIN settlement s ON s.code = a.settlement_code OR s.district_code = a.district_code WHERE m.network_id = n.id) AS reached,
      (SELECT count(*)::int FROM network_partner p WHERE p.network_id = n.id) AS partner_count,
      (SELECT count(*)::int FROM case_record c WHERE c.network_id = n.id) AS case_count,
      (SELECT array_agg(DISTINCT s.county_code::text) FROM case_record c JOIN settlement s ON s.code = c.settlement_code WHERE c.network_id = n.id) AS case_counties
    FROM helper_network n ORDER BY n.name, n.id`.execute(db);
  return rows.map((row) => ({
    id: row.id, name: row.name, description: row.description, programmeId: row.programme_id, memberCount: row.member_count, settlementsReached: row.reached,
    partnerCount: row.partner_count, caseCount: row.case_count, caseCounties: row.case_counties ?? [],
  }));
}

export async function networkExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('helper_network').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function listNetworkMembers(db: Db, networkId: number): Promise<NetworkMemberRecord[]> {
  const { rows } = await sql<{
    id: number; member_code: string; kind: NetworkMemberRecord['kind']; experience: NetworkMemberRecord['experience']; partner_id: number | null;
    settlements: string | null; districts: string | null;
  }>`
    SELECT m.id, m.member_code, m.kind, m.experience, m.partner_id,
      (SELECT json_agg(json_build_object('code', s.code, 'name', s.name) ORDER BY s.name) FROM network_member_area a JOIN settlement s ON s.code = a.settlement_code WHERE a.member_id = m.id)::text AS settlements,
      (SELECT json_agg(json_build_object('code', d.code, 'name', d.name) ORDER BY d.name) FROM network_member_area a JOIN district d ON d.code = a.district_code WHERE a.member_id = m.id)::text AS districts
    FROM network_member m WHERE m.network_id = ${networkId} ORDER BY m.member_code`.execute(db);
  return rows.map((row) => ({
    id: row.id, networkId, memberCode: row.member_code, kind: row.kind, experience: row.experience, partnerId: row.partner_id,
    settlements: row.settlements ? JSON.parse(row.settlements) : [], districts: row.districts ? JSON.parse(row.districts) : [],
  }));
}

/** Raw cases: for admins (counties null) and regional users in their counties. */
export async function listCases(db: Db, filter: { counties: readonly string[] | null; networkId?: number | undefined; limit: number }): Promise<CaseRecord[]> {
  const { rows } = await sql<{
    id: number; network_id: number; case_number: string; code: string; name: string; county_code: string; domain: CaseDomain; help: CaseRecord['help'];
    status: CaseRecord['status']; opened_on: string; closed_on: string | null; import_id: number | null;
  }>`
    SELECT c.id, c.network_id, c.case_number, s.code, s.name, s.county_code, c.domain, c.help, c.status, c.opened_on::text, c.closed_on::text, c.import_id
    FROM case_record c JOIN settlement s ON s.code = c.settlement_code
    WHERE ${filter.counties === null ? sql`true` : filter.counties.length === 0 ? sql`false` : sql`s.county_code IN (${sql.join(filter.counties)})`}
      ${filter.networkId === undefined ? sql`` : sql`AND c.network_id = ${filter.networkId}`}
    ORDER BY c.opened_on DESC, c.id DESC LIMIT ${filter.limit}`.execute(db);
  return rows.map((row) => ({
    id: row.id, networkId: row.network_id, caseNumber: row.case_number, settlement: { code: row.code, name: row.name }, countyCode: row.county_code,
    domain: row.domain, help: row.help, status: row.status, openedOn: row.opened_on, closedOn: row.closed_on, importId: row.import_id,
  }));
}

/** Exact case counts per place and domain, with the place's county (guarded by the API per reader). */
export interface CaseCountRow {
  code: string;
  name: string;
  countyCode: string;
  domain: CaseDomain;
  cases: number;
  open: number;
}

export interface CaseFilter {
  networkId: number | null;
  domain: CaseDomain | null;
  from: string | null;
  to: string | null;
}

export async function countCases(db: Db, level: AreaLevel, filter: CaseFilter): Promise<CaseCountRow[]> {
  const unit = level === 'settlement' ? sql`s.code, s.name, s.county_code` : sql`d.code, d.name, d.county_code`;
  const { rows } = await sql<{ code: string; name: string; county_code: string; domain: CaseDomain; cases: number; open: number }>`
    SELECT ${unit}, c.domain, count(*)::int AS cases, count(*) FILTER (WHERE c.status <> 'closed')::int AS open
    FROM case_record c JOIN settlement s ON s.code = c.settlement_code JOIN district d ON d.code = s.district_code
    WHERE true
      ${filter.networkId === null ? sql`` : sql`AND c.network_id = ${filter.networkId}`}
      ${filter.domain === null ? sql`` : sql`AND c.domain = ${filter.domain}`}
      ${filter.from === null ? sql`` : sql`AND c.opened_on >= ${filter.from}::date`}
      ${filter.to === null ? sql`` : sql`AND c.opened_on <= ${filter.to}::date`}
    GROUP BY ${unit}, c.domain
    ORDER BY 1, c.domain`.execute(db);
  return rows.map((row) => ({ code: row.code, name: row.name, countyCode: row.county_code, domain: row.domain, cases: row.cases, open: row.open }));
}
