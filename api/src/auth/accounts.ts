import { createHash, randomBytes } from 'node:crypto';
import {
  countUsers,
  createSession,
  createUser,
  deleteExpiredSessions,
  deleteSession,
  listUsers,
  MIN_PASSWORD_LENGTH,
  readUserCredentials,
  ROLES,
  setUserPassword,
  unknownCountyCodes,
  updateUser,
  USERNAME_PATTERN,
  type AuditActor,
  type Engine,
  type OneTimePassword,
  type Role,
  type SessionUser,
  type UserSummary,
} from '@terep/db';
import { actorOf } from '../audit/actor.ts';
import { ApiError } from '../http/api-error.ts';
import { SlidingWindowLimiter, type LimitRule } from './login-limiter.ts';
import { DECOY_HASH, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { SessionCache } from './session-cache.ts';

const HOUR = 3_600_000;

export interface AuthOptions {
  /** The clock; tests move it instead of sleeping. */
  now?: () => Date;
  /** A session ends after this long without a request (sliding). Default 8 h. */
  sessionIdleMs?: number;
  /** ...and this long after sign-in whatever happens. Default 7 days. */
  sessionAbsoluteMs?: number;
  /** Failed sign-ins allowed per client address. Default 20 in 15 min. */
  perAddress?: LimitRule;
  /** Failed sign-ins allowed per username. Default 5 in 15 min. */
  perUsername?: LimitRule;
}

export const DEFAULT_SESSION_IDLE_MS = 8 * HOUR;
export const DEFAULT_SESSION_ABSOLUTE_MS = 7 * 24 * HOUR;

export interface SignedIn {
  token: string;
  user: SessionUser;
}

export interface Authenticated {
  user: SessionUser;
  tokenHash: string;
}

export interface NewUserRequest {
  username: string;
  role: string;
  counties?: readonly string[] | undefined;
}

export interface UserChangeRequest {
  role?: string | undefined;
  counties?: readonly string[] | undefined;
  disabled?: boolean | undefined;
}

const WRONG_CREDENTIALS = 'Wrong username or password.';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sign-in, sessions and user management: what the session and users routes and the users CLI share. */
export class Accounts {
  readonly idleMs: number;
  readonly absoluteMs: number;
  readonly #now: () => Date;
  readonly #byAddress: SlidingWindowLimiter;
  readonly #byUsername: SlidingWindowLimiter;
  /** Made at the first request: the users CLI, which never authenticates, listens to nothing. */
  #sessions: SessionCache | undefined;

  constructor(
    private readonly engine: Engine,
    options: AuthOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.absoluteMs = options.sessionAbsoluteMs ?? DEFAULT_SESSION_ABSOLUTE_MS;
    const millis = () => this.#now().getTime();
    this.#byAddress = new SlidingWindowLimiter(options.perAddress ?? { attempts: 20, windowMs: HOUR / 4 }, millis);
    this.#byUsername = new SlidingWindowLimiter(options.perUsername ?? { attempts: 5, windowMs: HOUR / 4 }, millis);
  }

  /**
   * Checks the password and opens a session. Unknown user, wrong password and a
   * disabled account give the same answer, after the same work (no enumeration).
   */
  async signIn(usernameInput: string, password: string, address: string): Promise<SignedIn> {
    const username = usernameInput.trim().toLowerCase();
    const wait = Math.max(this.#byAddress.retryAfterMs(address), this.#byUsername.retryAfterMs(username));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError(429, 'RATE_LIMITED', `Too many failed sign-ins; try again in ${seconds} s.`, { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
    }
    const credentials = await readUserCredentials(this.engine.db, username);
    const matches = await verifyPassword(credentials?.passwordHash ?? (await DECOY_HASH), password);
    if (!credentials || !matches || credentials.disabled) {
      this.#byAddress.fail(address);
      this.#byUsername.fail(username);
      throw new ApiError(401, 'INVALID_CREDENTIALS', WRONG_CREDENTIALS);
    }
    this.#byUsername.reset(username);
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    // Sign-ins are rare: a good moment to drop the sessions that have run out.
    await deleteExpiredSessions(this.engine.db, now);
    await createSession(this.engine.db, {
      tokenHash: hashToken(token),
      userId: credentials.id,
      now,
      expiresAt: new Date(now.getTime() + Math.min(this.idleMs, this.absoluteMs)),
    });
    const { passwordHash: _hash, disabled: _disabled, ...user } = credentials;
    return { token, user };
  }

  /** The user of a live session (extending it), or undefined; from memory while nothing changed (SessionCache). */
  async authenticate(token: string): Promise<Authenticated | undefined> {
    const tokenHash = hashToken(token);
    this.#sessions ??= new SessionCache(this.engine, { now: this.#now, idleMs: this.idleMs, absoluteMs: this.absoluteMs });
    const user = await this.#sessions.user(tokenHash);
    return user ? { user, tokenHash } : undefined;
  }

  async signOut(token: string): Promise<void> {
    await deleteSession(this.engine.db, hashToken(token));
  }

  /** Changes one's own password; the other sessions of the user end, this one stays. */
  async changeOwnPassword(session: Authenticated, currentPassword: string, newPassword: string): Promise<void> {
    const credentials = await readUserCredentials(this.engine.db, session.user.username);
    if (!credentials || !(await verifyPassword(credentials.passwordHash, currentPassword))) {
      throw new ApiError(400, 'INVALID_CREDENTIALS', 'The current password is wrong.');
    }
    checkNewPassword(newPassword, currentPassword);
    await setUserPassword(this.engine.db, session.user.username, await hashPassword(newPassword), {
      mustChangePassword: false,
      keepSessionHash: session.tokenHash,
    }, actorOf(session.user));
  }

  listUsers(): Promise<UserSummary[]> {
    return listUsers(this.engine.db);
  }

  /** Creates a user with a one-time password (to be changed at first sign-in). */
  async addUser(request: NewUserRequest, actor: AuditActor): Promise<OneTimePassword> {
    const username = request.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) {
      throw new ApiError(400, 'INVALID_PARAMETER', 'Invalid "username": use 2-64 lower-case letters, digits, ".", "-" or "_".', { field: 'username' });
    }
    const role = roleOf(request.role);
    const counties = await this.#checkCounties(role, request.counties ?? []);
    const password = generatePassword();
    const id = await createUser(this.engine.db, { username, passwordHash: await hashPassword(password), role, counties, mustChangePassword: true }, actor);
    if (id === undefined) throw new ApiError(409, 'USER_EXISTS', `A user named "${username}" already exists.`, { username });
    return { username, password };
  }

  /** A new one-time password; the user's sessions end. */
  async resetPassword(username: string, actor: AuditActor): Promise<OneTimePassword> {
    const password = generatePassword();
    if (!(await setUserPassword(this.engine.db, username, await hashPassword(password), { mustChangePassword: true }, actor))) throw userNotFound(username);
    return { username, password };
  }

  /** Role, counties, disabled; `actor` may not lock themselves out (a command-line actor is never a user). */
  async changeUser(username: string, change: UserChangeRequest, actor: AuditActor): Promise<void> {
    const current = await readUserCredentials(this.engine.db, username);
    if (!current) throw userNotFound(username);
    if (actor.username === username && (change.disabled === true || (change.role !== undefined && change.role !== 'admin'))) {
      throw new ApiError(400, 'INVALID_PARAMETER', 'You cannot disable yourself or take away your own admin role.');
    }
    const role = change.role === undefined ? current.role : roleOf(change.role);
    // A role change away from regional drops the counties; to regional it needs them.
    const counties =
      change.counties !== undefined || role !== current.role
        ? await this.#checkCounties(role, change.counties ?? (role === 'regional' ? current.counties : []))
        : undefined;
    await updateUser(this.engine.db, username, { role: change.role === undefined ? undefined : role, counties, disabled: change.disabled }, actor);
  }

  /** On first run (no user at all) creates `admin` and returns its one-time password; afterwards undefined. */
  async ensureFirstAdmin(): Promise<OneTimePassword | undefined> {
    if ((await countUsers(this.engine.db)) > 0) return undefined;
    return this.addUser({ username: 'admin', role: 'admin' }, { userId: null, username: 'system' });
  }

  async #checkCounties(role: Role, counties: readonly string[]): Promise<string[]> {
    const unique = [...new Set(counties.map((code) => code.trim()))].sort();
    if (role !== 'regional' && unique.length > 0) {
      throw new ApiError(400, 'INVALID_PARAMETER', `Only regional users have counties; a ${role} sees the whole country.`, { field: 'counties' });
    }
    if (role === 'regional' && unique.length === 0) {
      throw new ApiError(400, 'INVALID_PARAMETER', 'A regional user needs at least one county (e.g. --county 02 for Baranya).', { field: 'counties' });
    }
    const unknown = await unknownCountyCodes(this.engine.db, unique);
    if (unknown.length > 0) throw new ApiError(400, 'UNKNOWN_COUNTY', `Unknown county code: ${unknown.join(', ')}.`, { counties: unknown.join(',') });
    return unique;
  }
}

/** The role named by `value`, or 400 UNKNOWN_ROLE. */
export function roleOf(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new ApiError(400, 'UNKNOWN_ROLE', `Unknown role "${value}": use one of ${ROLES.join(', ')}.`, { role: value });
}

function userNotFound(username: string): ApiError {
  return new ApiError(404, 'USER_NOT_FOUND', `No user named "${username}".`, { username });
}

function checkNewPassword(password: string, current: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ApiError(400, 'WEAK_PASSWORD', `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { minLength: MIN_PASSWORD_LENGTH });
  }
  if (password === current) throw new ApiError(400, 'WEAK_PASSWORD', 'The new password must differ from the current one.', { minLength: MIN_PASSWORD_LENGTH });
}
