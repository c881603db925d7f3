/*
 * The accounts contract (db/src/contract/accounts.ts on the `auth` branch), until that branch is merged:
 * then these become re-exports from '@terep/db/contract'.
 */
export type Role = 'admin' | 'planner' | 'regional' | 'logistics' | 'viewer';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  /** County codes as stored in the `county` table; empty unless regional. */
  counties: string[];
  mustChangePassword: boolean;
}

export interface SessionAnswer {
  user: SessionUser;
}

/** One row of `GET /api/users`. */
export interface UserSummary {
  username: string;
  role: Role;
  counties: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface UserList {
  users: UserSummary[];
}

/** `POST /api/users` and `POST /api/users/:username/password`: the one-time password, shown once. */
export interface OneTimePassword {
  username: string;
  password: string;
}

export interface NewUser {
  username: string;
  role: Role;
  counties?: string[];
}

export interface UserChange {
  role?: Role;
  counties?: string[];
  disabled?: boolean;
}
