/** What other capabilities and the tests use of accounts and access. */
export { Accounts, DEFAULT_SESSION_ABSOLUTE_MS, DEFAULT_SESSION_IDLE_MS, hashToken, type AuthOptions } from './accounts.ts';
export { SESSION_COOKIE, SHARE_COOKIE } from './middleware.ts';
export { hashPassword } from './passwords.ts';
export { ROUTE_RULES, SHARE_READS, type Access } from './route-rules.ts';
export { countyScope, requireScope } from './scope.ts';
