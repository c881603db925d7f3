/** The accounts contract (db/src/contract/accounts.ts) and the bodies the web sends. */
export type { OneTimePassword, Role, SessionAnswer, SessionUser, UserSummary } from '@terep/db/contract';
export { MIN_PASSWORD_LENGTH, ROLES, USERNAME_PATTERN } from '@terep/db/contract';

import type { Role } from '@terep/db/contract';

/** `POST /api/users`. */
export interface NewUser {
  username: string;
  role: Role;
  counties: string[];
}

/** `PATCH /api/users/:username`: what changes. */
export interface UserChange {
  role?: Role;
  counties?: string[];
  disabled?: boolean;
}
