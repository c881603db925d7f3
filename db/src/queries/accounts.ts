import { sql, type Kysely } from 'kysely';
import type { Role, SessionUser, UserSummary } from '../contract/accounts.ts';
import type { AuditAction, AuditActor } from '../contract/audit.ts';
import type { NotificationChannel } from '../engine/engine.ts';
import type { Database } from '../schema.ts';
import { recordAudit } from './audit.ts';
import { utcText } from './utc-text.ts';

/*
 * Accounts, their county scope and sessions (migration 006). Times come in as
 * parameters, not `now()`, so that the service's clock (injectable in tests)
 * decides when a session expires.
 */

/** What signing in needs to know about a user. */
export interface UserCredentials extends SessionUser {
  passwordHash: string;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  counties: readonly string[];
  mustChangePassword: boolean;
}

export interface UserChange {
  role?: Role | undefined;
  counties?: readonly string[] | undefined;
  disabled?: boolean | undefined;
}

const iso = (date: Date) => date.toISOString();

interface UserRow {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
  counties: string[] | null;
}

/** The user's counties as one sorted array; PGlite may hand array aggregates back as text. */
function countiesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (typeof value === 'string' && value.startsWith('{')) return value.slice(1, -1).split(',').filter(Boolean);
  return [];
}

function sessionUserOf(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, role: row.role, counties: countiesOf(row.counties), mustChangePassword: row.must_change_password };
}

const COUNTIES = sql`(SELECT array_agg(c.county_code ORDER BY c.county_code) FROM app_user_county c WHERE c.user_id = u.id)`;

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_user`.execute(db);
  return rows[0]!.n;
}

/** The codes among `codes` that are not counties. */
export async function unknownCountyCodes(db: Kysely<Database>, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ code: string }>`SELECT code FROM county WHERE code IN (${sql.join(codes)})`.execute(db);
  const known = new Set(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

/** What the audit trail keeps of a user: never the password or its hash. */
async function auditedUser(db: Kysely<Database>, username: string) {
  const { rows } = await sql<UserRow>`
    SELECT u.id, u.username, u.role, u.disabled, u.must_change_password, ${COUNTIES} AS counties FROM app_user u WHERE u.username = ${username}`.execute(db);
  const row = rows[0];
  return row ? { username: row.username, role: row.role, counties: countiesOf(row.counties), disabled: row.disabled, mustChangePassword: row.must_change_password } : null;
}

/**
 * Creates a user with its counties; undefined when the username is taken. With an `actor`
 * (every write but the test harness's set-up) the audit entry is written in the same transaction.
 */
export async function createUser(db: Kysely<Database>, user: NewUser, actor?: AuditActor): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO app_user (username, password_hash, role, must_change_password)
      VALUES (${user.username}, ${user.passwordHash}, ${user.role}, ${user.mustChangePassword})
      ON CONFLICT (username) DO NOTHING RETURNING id`.execute(trx);
    const id = rows[0]?.id;
    if (id !== undefined) await replaceCounties(trx, id, user.counties);
    if (id !== undefined && actor) {
      await recordAudit(trx, { actor, action: 'create', objectKind: 'user', objectId: user.username, before: null, after: await auditedUser(trx, user.username) });
    }
    return id;
  });
}

async function replaceCounties(db: Kysely<Database>, userId: number, counties: readonly string[]): Promise<void> {
  await sql`DELETE FROM app_user_county WHERE user_id = ${userId}`.execute(db);
  for (const code of new Set(counties)) await sql`INSERT INTO app_user_county (user_id, county_code) VALUES (${userId}, ${code})`.execute(db);
}

export async function readUserCredentials(db: Kysely<Database>, username: string): Promise<UserCredentials | undefined> {
  const { rows } = await sql<UserRow & { password_hash: string }>`
    SELECT u.id, u.username, u.role, u.disabled, u.must_change_password, u.password_hash, ${COUNTIES} AS counties
    FROM app_user u WHERE u.username = ${username}`.execute(db);
  const row = rows[0];
  return row ? { ...sessionUserOf(row), passwordHash: row.password_hash, disabled: row.disabled } : undefined;
}

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  const { rows } = await sql<UserRow & { created_at: string; updated_at: string }>`
    SELECT u.id, u.username, u.role, u.disabled, u.must_change_password, ${COUNTIES} AS counties,
      ${utcText('u.created_at')} AS created_at,
      ${utcText('u.updated_at')} AS updated_at
    FROM app_user u ORDER BY u.username`.execute(db);
  return rows.map((row) => ({
    username: row.username,
    role: row.role,
    counties: countiesOf(row.counties),
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/**
 * Changes role, counties or the disabled flag in one transaction; disabling ends
 * the user's sessions in the same transaction. False when there is no such user.
 */
export async function updateUser(db: Kysely<Database>, username: string, change: UserChange, actor?: AuditActor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = actor ? await auditedUser(trx, username) : null;
    const { rows } = await sql<{ id: number }>`
      UPDATE app_user SET
        role = coalesce(${change.role ?? null}, role),
        disabled = coalesce(${change.disabled ?? null}::boolean, disabled),
        updated_at = now()
      WHERE username = ${username} RETURNING id`.execute(trx);
    const id = rows[0]?.id;
    if (id === undefined) return false;
    if (change.counties !== undefined) await replaceCounties(trx, id, change.counties);
    if (change.disabled) await sql`DELETE FROM app_session WHERE user_id = ${id}`.execute(trx);
    if (actor) {
      const after = await auditedUser(trx, username);
      const action: AuditAction = before?.disabled !== after?.disabled ? (after?.disabled ? 'disable' : 'enable') : 'rescope';
      await recordAudit(trx, { actor, action, objectKind: 'user', objectId: username, before, after });
    }
    return true;
  });
}

/**
 * Sets a new password hash and ends the user's sessions, except `keepSessionHash`
 * (the session that changed its own password). False when there is no such user.
 */
export async function setUserPassword(
  db: Kysely<Database>,
  username: string,
  passwordHash: string,
  options: { mustChangePassword: boolean; keepSessionHash?: string },
  actor?: AuditActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = actor ? await auditedUser(trx, username) : null;
    const { rows } = await sql<{ id: number }>`
      UPDATE app_user SET password_hash = ${passwordHash}, must_change_password = ${options.mustChangePassword}, updated_at = now()
      WHERE username = ${username} RETURNING id`.execute(trx);
    const id = rows[0]?.id;
    if (id === undefined) return false;
    await sql`DELETE FROM app_session WHERE user_id = ${id} AND token_hash <> ${options.keepSessionHash ?? ''}`.execute(trx);
    if (actor) {
      // Which password it was is never recorded: only that it changed, and by whom.
      const action: AuditAction = options.mustChangePassword ? 'password-reset' : 'password-change';
      await recordAudit(trx, { actor, action, objectKind: 'user', objectId: username, before, after: await auditedUser(trx, username) });
    }
    return true;
  });
}

export async function createSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: number; now: Date; expiresAt: Date },
): Promise<void> {
  await sql`
    INSERT INTO app_session (token_hash, user_id, created_at, last_seen_at, expires_at)
    VALUES (${session.tokenHash}, ${session.userId}, ${iso(session.now)}::timestamptz, ${iso(session.now)}::timestamptz, ${iso(session.expiresAt)}::timestamptz)`.execute(db);
}

/** How often a session's expiry moves: a map's burst of tile requests reads the session without writing it. */
export const TOUCH_EVERY_MS = 60_000;

/** The channel the access triggers (migration 018) notify on, from any process; payload: the table that changed. */
export const ACCESS_CHANNEL: NotificationChannel = 'terep_access';

/** A live session: its user, and (as epoch milliseconds) when its expiry last moved and when it runs out. */
export interface LiveSession {
  user: SessionUser;
  lastSeenAt: number;
  expiresAt: number;
}

const epochMs = (column: string) => sql.raw(`(extract(epoch FROM ${column}) * 1000)::float8`);

/**
 * The user of a live session, sliding its expiry at most once every TOUCH_EVERY_MS: the session
 * then lives until `now + idleMs`, but never past `created_at + absoluteMs`. Undefined when the
 * session is unknown, expired or its user disabled.
 */
export async function touchSession(
  db: Kysely<Database>,
  tokenHash: string,
  clock: { now: Date; idleMs: number; absoluteMs: number },
): Promise<LiveSession | undefined> {
  const now = iso(clock.now);
  // A data-modifying WITH runs whether or not the main query reads it; its new values come only through RETURNING.
  const { rows } = await sql<UserRow & { last_seen_ms: number; expires_ms: number }>`
    WITH live AS (
      SELECT s.token_hash, s.user_id, s.last_seen_at, s.expires_at FROM app_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now}::timestamptz AND NOT u.disabled
    ), touched AS (
      UPDATE app_session s SET last_seen_at = ${now}::timestamptz,
        expires_at = least(${now}::timestamptz + ${clock.idleMs} * interval '1 millisecond', s.created_at + ${clock.absoluteMs} * interval '1 millisecond')
      FROM live
      WHERE s.token_hash = live.token_hash AND s.last_seen_at <= ${now}::timestamptz - ${TOUCH_EVERY_MS} * interval '1 millisecond'
      RETURNING s.last_seen_at, s.expires_at
    )
    SELECT u.id, u.username, u.role, u.disabled, u.must_change_password, ${COUNTIES} AS counties,
      ${epochMs('coalesce(t.last_seen_at, live.last_seen_at)')} AS last_seen_ms,
      ${epochMs('coalesce(t.expires_at, live.expires_at)')} AS expires_ms
    FROM live JOIN app_user u ON u.id = live.user_id LEFT JOIN touched t ON true`.execute(db);
  const row = rows[0];
  return row ? { user: sessionUserOf(row), lastSeenAt: Number(row.last_seen_ms), expiresAt: Number(row.expires_ms) } : undefined;
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await sql`DELETE FROM app_session WHERE token_hash = ${tokenHash}`.execute(db);
}

/** Removes sessions that have expired; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const { rows } = await sql<{ token_hash: string }>`DELETE FROM app_session WHERE expires_at <= ${iso(now)}::timestamptz RETURNING token_hash`.execute(db);
  return rows.length;
}
