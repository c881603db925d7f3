import {
  listPartners,
  listProgrammeActivities,
  listProgrammeRows,
  listProjects,
  programmeOverlaps,
  type Engine,
  type ProgrammeDetail,
  type ProgrammeRow,
  type ProgrammeSummary,
  type SessionUser,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { canEditProgramme } from './programme-access.ts';

function summaryOf(row: ProgrammeRow, user: SessionUser): ProgrammeSummary {
  const { coordinatorIds, coordinators: _coordinators, ...fields } = row;
  return { ...fields, editable: canEditProgramme(user, { id: row.id, counties: row.counties, coordinatorIds }) };
}

export async function listProgrammes(engine: Engine, user: SessionUser): Promise<ProgrammeSummary[]> {
  return (await listProgrammeRows(engine.db)).map((row) => summaryOf(row, user));
}

/** A programme with everything its page shows; 404 PROGRAMME_NOT_FOUND when there is none. */
export async function programmeDetail(engine: Engine, user: SessionUser, id: number): Promise<ProgrammeDetail> {
  const row = (await listProgrammeRows(engine.db, id))[0];
  if (!row) throw new ApiError(404, 'PROGRAMME_NOT_FOUND', `No programme #${id}.`, { id });
  const { projectCount: _projects, partnerCount: _partners, ...summary } = summaryOf(row, user);
  return {
    ...summary,
    projects: await listProjects(engine.db, id),
    partners: await listPartners(engine.db, id),
    activities: await listProgrammeActivities(engine.db, id),
    coordinators: row.coordinators,
    overlapsOtherProgrammes: await programmeOverlaps(engine.db, id),
  };
}
