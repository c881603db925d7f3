import type { ExactCounties, ProgrammeScope, SessionUser } from '@terep/db';
import { ApiError } from '../http/api-error.ts';

/**
 * Who edits a programme (issue 15): admins; its coordinators (a per-programme list of users, kept by
 * admins; a planner who creates a programme becomes its first); and regional staff when every county
 * the programme acts in is one of theirs. Viewers never (the route rules keep them out).
 */
export function canEditProgramme(user: SessionUser, programme: ProgrammeScope): boolean {
  if (user.role === 'admin' || programme.coordinatorIds.includes(user.id)) return true;
  return user.role === 'regional' && withinCounties(user, programme.counties);
}

/**
 * A project's part of a programme: its programme's editors, and regional staff for a project whose
 * action area (before and after the change) lies in their counties.
 */
export function canEditProject(user: SessionUser, programme: ProgrammeScope, projectCounties: readonly string[][]): boolean {
  if (canEditProgramme(user, programme)) return true;
  return user.role === 'regional' && projectCounties.every((counties) => withinCounties(user, counties));
}

export function requireEditor(allowed: boolean): void {
  if (!allowed) {
    throw new ApiError(403, 'NOT_COORDINATOR', "Only the programme's coordinators, admins and the regional staff of the programme's counties may edit it.");
  }
}

function withinCounties(user: SessionUser, counties: readonly string[]): boolean {
  return counties.length > 0 && counties.every((county) => user.counties.includes(county));
}

/** Whose small case counts the user sees exactly: admins all, regional staff their counties, everyone else none. */
export function exactCountiesOf(user: SessionUser): ExactCounties {
  return user.role === 'admin' ? 'all' : user.role === 'regional' ? user.counties : [];
}
