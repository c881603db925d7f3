import { hashPassword, SESSION_COOKIE } from '@terep/api/auth';
import { createUser, setUserPassword, updateUser, type AuditActor, type Engine, type Role } from '@terep/db';

/** Who the audit trail names for writes a test makes directly through the queries (no account behind it). */
export const TEST_ACTOR: AuditActor = { userId: null, username: 'test' };

/** The county of the browser tests' regional user: Baranya. */
export const E2E_REGIONAL_COUNTY = '02';

/** What the tests send requests through: a Hono app, or one signed in as somebody. */
export interface Client {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

export interface TestUser {
  username: string;
  password: string;
  role: Role;
  counties: string[];
}

/** A user per role (and county set) with a known password; `prefix` keeps parallel users (e2e server, suites) apart. */
export function testUser(role: Role, counties: readonly string[] = [], prefix = 'test'): TestUser {
  const username = [prefix, role, ...counties].join('-');
  return { username, password: `${username}-password`, role, counties: [...counties] };
}

/**
 * Makes sure the user exists, enabled, with this role, counties and password and
 * no pending password change, through the accounts queries.
 */
export async function ensureTestUser(engine: Engine, user: TestUser): Promise<void> {
  const passwordHash = await hashPassword(user.password);
  const created = await createUser(engine.db, { username: user.username, passwordHash, role: user.role, counties: user.counties, mustChangePassword: false });
  if (created !== undefined) return;
  await updateUser(engine.db, user.username, { role: user.role, counties: user.counties, disabled: false });
  await setUserPassword(engine.db, user.username, passwordHash, { mustChangePassword: false });
}

/** The `name=value` of the session cookie a sign-in answer sets. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie in the answer (${response.status})`);
  return cookie.split(';')[0]!;
}

export async function signInCookie(app: Client, user: TestUser): Promise<string> {
  const response = await app.request('/api/session', {
    method: 'POST',
    body: JSON.stringify({ username: user.username, password: user.password }),
    headers: { 'Content-Type': 'application/json' },
  });
  if (response.status !== 200) throw new Error(`signing in as ${user.username} answered ${response.status}: ${await response.text()}`);
  return sessionCookieOf(response);
}

/** `app` signed in as a test user of the role (admin by default): every request carries the session cookie. */
export async function signedIn(engine: Engine, app: Client, role: Role = 'admin', counties: readonly string[] = []): Promise<Client> {
  const user = testUser(role, counties);
  await ensureTestUser(engine, user);
  const cookie = await signInCookie(app, user);
  return {
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      return app.request(path, { ...init, headers });
    },
  };
}
