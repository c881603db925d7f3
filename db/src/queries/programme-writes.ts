import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditActor } from '../contract/audit.ts';
import type { ActionAreaInput, ActivityInput, PartnerKind, ProjectStatus } from '../contract/programmes.ts';
import type { Database } from '../schema.ts';
import { foldName } from '../text/fold-name.ts';
import { recordAudit } from './audit.ts';
import { addProjectAreas, setProjectPartners, setProjectServices } from './programme-imports.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Writes of programmes, projects, targets, activities and partners (issue 15), each in its own
 * transaction and audited. The API checks who may write and that the values are known
 * (`programmeScope`, `projectScope`, `actionAreaCounties`, `unknownReferences`) before calling these.
 */

export interface ProgrammeFields {
  name: string;
  funder: string | null;
  callCode: string | null;
  startsOn: string | null;
  endsOn: string | null;
  description: string | null;
}

const programmeColumns = (fields: Partial<ProgrammeFields>) => ({
  ...(fields.name !== undefined ? { name: fields.name } : {}),
  ...(fields.funder !== undefined ? { funder: fields.funder } : {}),
  ...(fields.callCode !== undefined ? { call_code: fields.callCode } : {}),
  ...(fields.startsOn !== undefined ? { starts_on: fields.startsOn } : {}),
  ...(fields.endsOn !== undefined ? { ends_on: fields.endsOn } : {}),
  ...(fields.description !== undefined ? { description: fields.description } : {}),
});

/** Whether a programme of this name exists (other than `exceptId`), compared accent- and case-insensitively. */
export async function programmeNameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db.selectFrom('programme').select(['id', 'name']).execute();
  return rows.some((row) => row.id !== exceptId && foldName(row.name) === foldName(name));
}

/** Creates a programme; its creator (a planner, say) becomes its first coordinator. */
export async function createProgramme(db: Kysely<Database>, actor: AuditActor, fields: ProgrammeFields): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('programme').values({ import_id: null, ...programmeColumns(fields), name: fields.name }).returning('id').executeTakeFirstOrThrow();
    if (actor.userId !== null) await trx.insertInto('programme_coordinator').values({ programme_id: id, user_id: actor.userId }).execute();
    await recordAudit(trx, { actor, action: 'create', objectKind: 'programme', objectId: id, before: null, after: { ...fields } });
    return id;
  });
}

export async function updateProgramme(db: Kysely<Database>, actor: AuditActor, id: number, fields: Partial<ProgrammeFields>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('programme').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const columns = programmeColumns(fields);
    if (Object.keys(columns).length > 0) await trx.updateTable('programme').set(columns).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'update', objectKind: 'programme', objectId: id, before: { name: before.name }, after: { ...fields } });
  });
}

/** Removes a programme with its projects, their areas, targets and activities. */
export async function deleteProgramme(db: Kysely<Database>, actor: AuditActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('programme').select(['name']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('programme').where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'delete', objectKind: 'programme', objectId: id, before: { name: before.name }, after: null });
  });
}

/** Replaces a programme's coordinators; answers the usernames that name no user who may coordinate (disabled users and viewers may not). */
export async function setProgrammeCoordinators(db: Kysely<Database>, actor: AuditActor, id: number, usernames: readonly string[]): Promise<string[]> {
  const users = usernames.length === 0 ? [] : await db.selectFrom('app_user').select(['id', 'username'])
    .where('username', 'in', [...usernames]).where('disabled', '=', false).where('role', '<>', 'viewer').execute();
  const unknown = usernames.filter((name) => !users.some((user) => user.username === name));
  if (unknown.length > 0) return unknown;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('programme_coordinator').where('programme_id', '=', id).execute();
    if (users.length > 0) await trx.insertInto('programme_coordinator').values(users.map((user) => ({ programme_id: id, user_id: user.id }))).execute();
    await recordAudit(trx, { actor, action: 'rescope', objectKind: 'programme', objectId: id, before: null, after: { coordinators: [...usernames].sort() } });
  });
  return [];
}

/** Where a programme acts and who coordinates it: the API decides from these who may edit it. */
export interface ProgrammeScope {
  id: number;
  counties: string[];
  coordinatorIds: number[];
}

export async function programmeScope(db: Db, id: number): Promise<ProgrammeScope | undefined> {
  const { rows } = await sql<{ id: number; counties: string[] | null; coordinator_ids: number[] | null }>`
    SELECT g.id,
      (SELECT array_agg(DISTINCT c ORDER BY c) FROM project j JOIN project_area a ON a.project_id = j.id CROSS JOIN unnest(a.county_codes) AS c WHERE j.programme_id = g.id) AS counties,
      (SELECT array_agg(pc.user_id ORDER BY pc.user_id) FROM programme_coordinator pc WHERE pc.programme_id = g.id) AS coordinator_ids
    FROM programme g WHERE g.id = ${id}`.execute(db);
  const row = rows[0];
  return row ? { id: row.id, counties: row.counties ?? [], coordinatorIds: row.coordinator_ids ?? [] } : undefined;
}

/** A project's programme (whose editors edit it) and the counties of its own action area. */
export async function projectScope(db: Db, projectId: number): Promise<{ programme: ProgrammeScope; counties: string[] } | undefined> {
  const { rows } = await sql<{ programme_id: number; counties: string[] | null }>`
    SELECT j.programme_id, (SELECT array_agg(DISTINCT c ORDER BY c) FROM project_area a CROSS JOIN unnest(a.county_codes) AS c WHERE a.project_id = j.id) AS counties
    FROM project j WHERE j.id = ${projectId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { programme: (await programmeScope(db, row.programme_id))!, counties: row.counties ?? [] };
}

/** The counties an action area given in a body would lie in, and the parts that name nothing stored. */
export async function actionAreaCounties(db: Db, parts: readonly ActionAreaInput[]): Promise<{ counties: string[]; unknown: string[] }> {
  const counties = new Set<string>();
  const unknown: string[] = [];
  for (const part of parts) {
    const { rows } = await partCountiesQuery(part).execute(db);
    if (rows.length === 0) unknown.push(part.kind === 'polygon' ? part.name : `${part.kind}:${part.code}`);
    for (const row of rows) counties.add(row.county);
  }
  return { counties: [...counties].sort(), unknown };
}

function partCountiesQuery(part: ActionAreaInput) {
  switch (part.kind) {
    case 'settlement':
      return sql<{ county: string }>`SELECT county_code AS county FROM settlement WHERE code = ${part.code}`;
    case 'district':
      return sql<{ county: string }>`SELECT county_code AS county FROM district WHERE code = ${part.code}`;
    case 'segregated-area':
      return sql<{ county: string }>`SELECT s.county_code AS county FROM segregated_area a JOIN settlement s ON s.code = a.settlement_code WHERE a.id = ${Number(part.code) || 0}`;
    case 'polygon':
      return sql<{ county: string }>`SELECT c.code AS county FROM county c WHERE ST_Intersects(c.geom, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(part.geometry)}), 4326))`;
  }
}

/** Service type keys and partner ids a body names that are not stored. */
export async function unknownReferences(db: Db, services: readonly string[], partnerIds: readonly number[]): Promise<{ services: string[]; partners: number[] }> {
  const knownServices = services.length === 0 ? [] : (await db.selectFrom('institution_type').select('key').where('key', 'in', [...services]).execute()).map((row) => row.key);
  const knownPartners = partnerIds.length === 0 ? [] : (await db.selectFrom('partner').select('id').where('id', 'in', [...partnerIds]).execute()).map((row) => row.id);
  return { services: services.filter((key) => !knownServices.includes(key)), partners: partnerIds.filter((id) => !knownPartners.includes(id)) };
}

export interface ProjectFields {
  name: string;
  code: string | null;
  status: ProjectStatus;
  startsOn: string | null;
  endsOn: string | null;
  budgetHuf: number | null;
  leadPartnerId: number | null;
  partnerIds: number[];
  services: string[];
  area: ActionAreaInput[];
}

const projectColumns = (fields: Partial<ProjectFields>) => ({
  ...(fields.name !== undefined ? { name: fields.name } : {}),
  ...(fields.code !== undefined ? { code: fields.code } : {}),
  ...(fields.status !== undefined ? { status: fields.status } : {}),
  ...(fields.startsOn !== undefined ? { starts_on: fields.startsOn } : {}),
  ...(fields.endsOn !== undefined ? { ends_on: fields.endsOn } : {}),
  ...(fields.budgetHuf !== undefined ? { budget_huf: fields.budgetHuf } : {}),
});

async function writeProjectLinks(trx: Transaction<Database>, projectId: number, fields: Partial<ProjectFields>): Promise<void> {
  if (fields.leadPartnerId !== undefined || fields.partnerIds !== undefined) {
    const current = await trx.selectFrom('project_partner').select(['partner_id', 'role']).where('project_id', '=', projectId).execute();
    const lead = fields.leadPartnerId !== undefined ? fields.leadPartnerId : (current.find((row) => row.role === 'lead')?.partner_id ?? null);
    const partners = fields.partnerIds ?? current.filter((row) => row.role === 'consortium').map((row) => row.partner_id);
    await setProjectPartners(trx, projectId, lead, partners);
  }
  if (fields.services !== undefined) await setProjectServices(trx, projectId, fields.services);
  if (fields.area !== undefined) {
    await trx.deleteFrom('project_area').where('project_id', '=', projectId).execute();
    const codes = (kind: ActionAreaInput['kind']) => fields.area!.flatMap((part) => (part.kind === kind && 'code' in part ? [part.code] : []));
    await addProjectAreas(trx, projectId, {
      settlements: codes('settlement'), districts: codes('district'), segregatedAreas: codes('segregated-area').map(Number),
      polygons: fields.area.flatMap((part) => (part.kind === 'polygon' ? [{ name: part.name, geojson: JSON.stringify(part.geometry) }] : [])),
    });
  }
}

export async function projectNameTaken(db: Db, programmeId: number, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db.selectFrom('project').select(['id', 'name']).where('programme_id', '=', programmeId).execute();
  return rows.some((row) => row.id !== exceptId && foldName(row.name) === foldName(name));
}

export async function createProject(db: Kysely<Database>, actor: AuditActor, programmeId: number, fields: ProjectFields): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('project').values({ programme_id: programmeId, import_id: null, source_row: null, ...projectColumns(fields), name: fields.name, status: fields.status })
      .returning('id').executeTakeFirstOrThrow();
    await writeProjectLinks(trx, id, fields);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'project', objectId: id, before: null, after: { programmeId, ...fields, area: fields.area.length } });
    return id;
  });
}

export async function updateProject(db: Kysely<Database>, actor: AuditActor, id: number, fields: Partial<ProjectFields>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('project').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const columns = projectColumns(fields);
    if (Object.keys(columns).length > 0) await trx.updateTable('project').set(columns).where('id', '=', id).execute();
    await writeProjectLinks(trx, id, fields);
    await recordAudit(trx, { actor, action: 'update', objectKind: 'project', objectId: id, before: { name: before.name, status: before.status },
      after: { ...fields, ...(fields.area ? { area: fields.area.length } : {}) } });
  });
}

export async function deleteProject(db: Kysely<Database>, actor: AuditActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('project').select(['name', 'programme_id']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('project').where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'delete', objectKind: 'project', objectId: id, before: { name: before.name, programmeId: before.programme_id }, after: null });
  });
}

export interface TargetFields {
  indicator: string;
  unit: string | null;
  target: number;
  achieved: number | null;
  reportedOn: string | null;
}

/** Replaces a project's indicator targets and achieved values as a whole. */
export async function setProjectTargets(db: Kysely<Database>, actor: AuditActor, projectId: number, targets: readonly TargetFields[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('project_target').where('project_id', '=', projectId).execute();
    if (targets.length > 0) {
      await trx.insertInto('project_target').values(targets.map((target) => ({
        project_id: projectId, indicator: target.indicator, unit: target.unit, target: target.target, achieved: target.achieved, reported_on: target.reportedOn,
      }))).execute();
    }
    await recordAudit(trx, { actor, action: 'update', objectKind: 'project', objectId: projectId, before: null, after: { targets: targets.map((target) => ({ ...target })) } });
  });
}

export async function addActivity(db: Kysely<Database>, actor: AuditActor, projectId: number, activity: Required<Pick<ActivityInput, 'kind' | 'date' | 'settlementCode'>> & { title: string | null; participants: number | null }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('activity').values({
      project_id: projectId, import_id: null, source_row: null, kind: activity.kind, title: activity.title, held_on: activity.date,
      settlement_code: activity.settlementCode, participants: activity.participants,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'create', objectKind: 'activity', objectId: id, before: null, after: { projectId, ...activity } });
    return id;
  });
}

/** An activity's project and the county of its place, or undefined when there is no such activity. */
export async function activityScope(db: Db, id: number): Promise<{ projectId: number; countyCode: string } | undefined> {
  const { rows } = await sql<{ project_id: number; county_code: string }>`
    SELECT t.project_id, s.county_code FROM activity t JOIN settlement s ON s.code = t.settlement_code WHERE t.id = ${id}`.execute(db);
  return rows[0] ? { projectId: rows[0].project_id, countyCode: rows[0].county_code } : undefined;
}

export async function deleteActivity(db: Kysely<Database>, actor: AuditActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('activity').select(['project_id', 'kind', 'held_on']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('activity').where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'delete', objectKind: 'activity', objectId: id, before: { projectId: before.project_id, kind: before.kind }, after: null });
  });
}

export interface PartnerFields {
  name: string;
  kind: PartnerKind;
  seatSettlementCode: string;
  contactRole: string | null;
  networkIds: number[];
}

export async function partnerNameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  const row = await db.selectFrom('partner').select('id').where('name_folded', '=', foldName(name)).executeTakeFirst();
  return row !== undefined && row.id !== exceptId;
}

/** A partner's seat county, or undefined when there is no such partner. */
export async function partnerCounty(db: Db, id: number): Promise<string | undefined> {
  const { rows } = await sql<{ county_code: string }>`SELECT s.county_code FROM partner p JOIN settlement s ON s.code = p.settlement_code WHERE p.id = ${id}`.execute(db);
  return rows[0]?.county_code;
}

export async function savePartner(db: Kysely<Database>, actor: AuditActor, id: number | null, fields: Partial<PartnerFields>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const columns = {
      ...(fields.name !== undefined ? { name: fields.name, name_folded: foldName(fields.name) } : {}),
      ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
      ...(fields.seatSettlementCode !== undefined ? { settlement_code: fields.seatSettlementCode } : {}),
      ...(fields.contactRole !== undefined ? { contact_role: fields.contactRole } : {}),
    };
    const partnerId = id ?? (await trx.insertInto('partner').values({
      import_id: null, source_row: null, name: fields.name!, name_folded: foldName(fields.name!), kind: fields.kind!, settlement_code: fields.seatSettlementCode!,
      contact_role: fields.contactRole ?? null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    if (id !== null && Object.keys(columns).length > 0) await trx.updateTable('partner').set(columns).where('id', '=', id).execute();
    if (fields.networkIds !== undefined) {
      await trx.deleteFrom('network_partner').where('partner_id', '=', partnerId).execute();
      if (fields.networkIds.length > 0) await trx.insertInto('network_partner').values([...new Set(fields.networkIds)].map((networkId) => ({ network_id: networkId, partner_id: partnerId }))).execute();
    }
    await recordAudit(trx, { actor, action: id === null ? 'create' : 'update', objectKind: 'partner', objectId: partnerId, before: null, after: { ...fields } });
    return partnerId;
  });
}

export async function unknownNetworks(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const known = (await db.selectFrom('helper_network').select('id').where('id', 'in', [...ids]).execute()).map((row) => row.id);
  return ids.filter((id) => !known.includes(id));
}

/** A settlement's county, or undefined when the code names no settlement. */
export async function settlementCounty(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('settlement').select('county_code').where('code', '=', code).executeTakeFirst())?.county_code;
}
