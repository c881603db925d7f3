import type { Role } from '$lib/accounts/accounts-types';

/**
 * Who may add a programme: the roles the server lets make `POST /api/programmes`
 * (api/src/auth/route-rules.ts; programme-access.test.ts keeps the two equal). Editing an existing
 * one is the server's word per programme (`editable` in its answer: admins, its coordinators,
 * regional staff of its counties).
 */
export const PROGRAMME_CREATORS: readonly Role[] = ['admin', 'planner'];

export const canCreateProgramme = (role: Role): boolean => PROGRAMME_CREATORS.includes(role);
