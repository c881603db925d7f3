import {
  actionAreaCounties,
  activityScope,
  addActivity,
  createProgramme,
  createProject,
  deleteActivity,
  deleteProgramme,
  deleteProject,
  partnerCounty,
  partnerNameTaken,
  programmeNameTaken,
  programmeScope,
  projectNameTaken,
  projectScope,
  savePartner,
  setProgrammeCoordinators,
  setProjectTargets,
  unknownNetworks,
  unknownReferences,
  updateProgramme,
  updateProject,
  type ActionAreaInput,
  type AuditActor,
  type Engine,
  type PartnerFields,
  type ProgrammeFields,
  type ProgrammeScope,
  type ProjectFields,
  type SessionUser,
  type TargetFields,
} from '@terep/db';
import { actorOf } from '../audit/actor.ts';
import { ApiError } from '../http/api-error.ts';
import { canEditProgramme, canEditProject, requireEditor } from './programme-access.ts';

/**
 * The checks before every programme write (issue 15): the thing exists, the user may edit it, and the
 * names, codes and ids a body gives are stored. The writes themselves are in db/src/queries/programme-writes.ts.
 */

export interface Editor {
  user: SessionUser;
  actor: AuditActor;
}

export function editorOf(user: SessionUser): Editor {
  return { user, actor: actorOf(user) };
}

async function requireProgramme(engine: Engine, id: number): Promise<ProgrammeScope> {
  const scope = await programmeScope(engine.db, id);
  if (!scope) throw new ApiError(404, 'PROGRAMME_NOT_FOUND', `No programme #${id}.`, { id });
  return scope;
}

async function requireProject(engine: Engine, id: number) {
  const scope = await projectScope(engine.db, id);
  if (!scope) throw new ApiError(404, 'PROJECT_NOT_FOUND', `No project #${id}.`, { id });
  return scope;
}

export async function newProgramme(engine: Engine, editor: Editor, fields: ProgrammeFields): Promise<number> {
  if (await programmeNameTaken(engine.db, fields.name)) throw new ApiError(409, 'PROGRAMME_EXISTS', `A programme named "${fields.name}" exists already.`, { name: fields.name });
  return createProgramme(engine.db, editor.actor, fields);
}

export async function editProgramme(engine: Engine, editor: Editor, id: number, fields: Partial<ProgrammeFields>): Promise<void> {
  requireEditor(canEditProgramme(editor.user, await requireProgramme(engine, id)));
  if (fields.name !== undefined && await programmeNameTaken(engine.db, fields.name, id)) {
    throw new ApiError(409, 'PROGRAMME_EXISTS', `A programme named "${fields.name}" exists already.`, { name: fields.name });
  }
  await updateProgramme(engine.db, editor.actor, id, fields);
}

/** Removing a whole programme is for admins and its coordinators, not for the regional staff of its counties. */
export async function removeProgramme(engine: Engine, editor: Editor, id: number): Promise<void> {
  const scope = await requireProgramme(engine, id);
  requireEditor(editor.user.role === 'admin' || scope.coordinatorIds.includes(editor.user.id));
  await deleteProgramme(engine.db, editor.actor, id);
}

export async function replaceCoordinators(engine: Engine, editor: Editor, id: number, usernames: string[]): Promise<void> {
  await requireProgramme(engine, id);
  const unknown = await setProgrammeCoordinators(engine.db, editor.actor, id, usernames);
  if (unknown.length > 0) {
    throw new ApiError(400, 'UNKNOWN_USER', `No enabled, non-viewer user is named ${unknown.join(', ')}.`, { usernames: unknown.join(', ') });
  }
}

/** The counties of an action area given in a body; 400 UNKNOWN_AREA when a part names nothing stored. */
async function areaCounties(engine: Engine, area: readonly ActionAreaInput[] | undefined): Promise<string[] | undefined> {
  if (area === undefined) return undefined;
  const { counties, unknown } = await actionAreaCounties(engine.db, area);
  if (unknown.length > 0) throw new ApiError(400, 'UNKNOWN_AREA', `Unknown action-area parts: ${unknown.join(', ')}.`, { parts: unknown.join(', ') });
  return counties;
}

async function checkReferences(engine: Engine, fields: Partial<ProjectFields>): Promise<void> {
  const partnerIds = [...(fields.partnerIds ?? []), ...(fields.leadPartnerId ? [fields.leadPartnerId] : [])];
  const unknown = await unknownReferences(engine.db, fields.services ?? [], partnerIds);
  if (unknown.services.length > 0) {
    throw new ApiError(400, 'UNKNOWN_SERVICE_TYPE', `Unknown service types: ${unknown.services.join(', ')}.`, { keys: unknown.services.join(', ') });
  }
  if (unknown.partners.length > 0) {
    throw new ApiError(404, 'PARTNER_NOT_FOUND', `No partner #${unknown.partners.join(', #')}.`, { id: unknown.partners.join(', ') });
  }
}

export async function newProject(engine: Engine, editor: Editor, programmeId: number, fields: ProjectFields): Promise<number> {
  const programme = await requireProgramme(engine, programmeId);
  const counties = (await areaCounties(engine, fields.area))!;
  requireEditor(canEditProject(editor.user, programme, [counties]));
  await checkReferences(engine, fields);
  if (await projectNameTaken(engine.db, programmeId, fields.name)) throw new ApiError(409, 'PROJECT_EXISTS', `The programme has a project named "${fields.name}".`, { name: fields.name });
  return createProject(engine.db, editor.actor, programmeId, fields);
}

export async function editProject(engine: Engine, editor: Editor, id: number, fields: Partial<ProjectFields>): Promise<void> {
  const project = await requireProject(engine, id);
  const counties = await areaCounties(engine, fields.area);
  requireEditor(canEditProject(editor.user, project.programme, counties === undefined ? [project.counties] : [project.counties, counties]));
  await checkReferences(engine, fields);
  if (fields.name !== undefined && await projectNameTaken(engine.db, project.programme.id, fields.name, id)) {
    throw new ApiError(409, 'PROJECT_EXISTS', `The programme has a project named "${fields.name}".`, { name: fields.name });
  }
  await updateProject(engine.db, editor.actor, id, fields);
}

export async function removeProject(engine: Engine, editor: Editor, id: number): Promise<void> {
  const project = await requireProject(engine, id);
  requireEditor(canEditProject(editor.user, project.programme, [project.counties]));
  await deleteProject(engine.db, editor.actor, id);
}

export async function replaceTargets(engine: Engine, editor: Editor, id: number, targets: TargetFields[]): Promise<void> {
  const project = await requireProject(engine, id);
  requireEditor(canEditProject(editor.user, project.programme, [project.counties]));
  await setProjectTargets(engine.db, editor.actor, id, targets);
}

export async function newActivity(engine: Engine, editor: Editor, projectId: number, activity: Parameters<typeof addActivity>[3], settlementCounty: string): Promise<number> {
  const project = await requireProject(engine, projectId);
  requireEditor(canEditProject(editor.user, project.programme, [project.counties, [settlementCounty]]));
  return addActivity(engine.db, editor.actor, projectId, activity);
}

export async function removeActivity(engine: Engine, editor: Editor, id: number): Promise<void> {
  const activity = await activityScope(engine.db, id);
  if (!activity) throw new ApiError(404, 'ACTIVITY_NOT_FOUND', `No activity #${id}.`, { id });
  const project = await requireProject(engine, activity.projectId);
  requireEditor(canEditProject(editor.user, project.programme, [project.counties, [activity.countyCode]]));
  await deleteActivity(engine.db, editor.actor, id);
}

/** Creates (id null) or changes a partner; regional staff keep partners seated in their counties. */
export async function savePartnerChecked(
  engine: Engine,
  editor: Editor,
  id: number | null,
  fields: Partial<PartnerFields>,
  seatCounty: string | undefined,
  requireScope: (counties: string[]) => void,
): Promise<number> {
  if (id !== null) {
    const county = await partnerCounty(engine.db, id);
    if (county === undefined) throw new ApiError(404, 'PARTNER_NOT_FOUND', `No partner #${id}.`, { id });
    requireScope([county]);
  }
  if (seatCounty !== undefined) requireScope([seatCounty]);
  if (fields.name !== undefined && await partnerNameTaken(engine.db, fields.name, id ?? undefined)) {
    throw new ApiError(409, 'PARTNER_EXISTS', `A partner named "${fields.name}" exists already.`, { name: fields.name });
  }
  const missing = await unknownNetworks(engine.db, fields.networkIds ?? []);
  if (missing.length > 0) throw new ApiError(404, 'NETWORK_NOT_FOUND', `No network #${missing.join(', #')}.`, { id: missing.join(', ') });
  return savePartner(engine.db, editor.actor, id, fields);
}
