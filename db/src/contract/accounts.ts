import type { ImportKind } from './imports.ts';

/** Accounts (issue 11): who may sign in, with which role, scoped to which counties. */

export type Role = 'admin' | 'planner' | 'regional' | 'logistics' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'planner', 'regional', 'logistics', 'viewer'];

/**
 * Who may import (and roll back) each kind of organisation data: the server's route rules and the
 * web's import page both read this one table.
 */
export const IMPORT_ACCESS: Record<ImportKind, readonly Role[]> = {
  institutions: ['admin', 'planner'],
  warehouses: ['admin', 'planner', 'logistics'],
  'segregated-areas': ['admin', 'regional'],
  'need-signals': ['admin', 'regional'],
  // Programmes (issue 15): planners set up programmes and partners; regional staff record in their counties.
  programmes: ['admin', 'planner', 'regional'],
  partners: ['admin', 'planner', 'regional'],
  'network-members': ['admin', 'regional'],
  cases: ['admin', 'regional'],
  activities: ['admin', 'planner', 'regional'],
};

/** The signed-in user, as `GET /api/session` answers it and as handlers see it (`c.get('user')`). */
export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  /** County codes as stored in the `county` table; empty unless the role is `regional`. */
  counties: string[];
  mustChangePassword: boolean;
}

/** `POST /api/session` and `GET /api/session`. */
export interface SessionAnswer {
  user: SessionUser;
}

/** One row of `GET /api/users` (admin). */
export interface UserSummary {
  username: string;
  role: Role;
  counties: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/users` and `POST /api/users/:username/password`: the one-time password, shown once. */
export interface OneTimePassword {
  username: string;
  password: string;
}

/** Usernames: lower-case letters, digits, dot, dash, underscore; 2-64 characters. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,64}$/;
/** The shortest password a user may choose. */
export const MIN_PASSWORD_LENGTH = 10;
