import type { Role } from '$lib/accounts/accounts-types';

/**
 * Who may add a programme (`POST /api/programmes`, api/src/auth/route-rules.ts). Editing an existing
 * one is the server's word per programme (`editable` in its answer: admins, its coordinators,
 * regional staff of its counties).
 */
const CREATORS: readonly Role[] = ['admin', 'planner', 'regional'];

export const canCreateProgramme = (role: Role): boolean => CREATORS.includes(role);
