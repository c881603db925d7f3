import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction, AuditEntry, AuditFilter, AuditObjectKind, AuditPage, AuditRecord } from '../contract/audit.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Writes one audit entry. It takes a transaction on purpose: the entry is
 * written in the same transaction as the write it describes, so neither can
 * exist without the other.
 */
export async function recordAudit(trx: Transaction<Database>, entry: AuditRecord): Promise<void> {
  await trx.insertInto('audit_log').values({
    user_id: entry.actor.userId,
    username: entry.actor.username,
    action: entry.action,
    object_kind: entry.objectKind,
    object_id: entry.objectId === null ? null : String(entry.objectId),
    before: jsonb(entry.before),
    after: jsonb(entry.after),
  }).execute();
}

const jsonb = (value: unknown) => (value === null || value === undefined ? null : sql`${JSON.stringify(value)}::jsonb`);

/** A date alone as `to` means the whole of that day. */
function upperBound(to: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? sql`(${to}::date + 1)::timestamptz` : sql`${to}::timestamptz`;
}

function where(filter: AuditFilter) {
  const conditions = [sql`true`];
  if (filter.username) conditions.push(sql`username = ${filter.username}`);
  if (filter.kind) conditions.push(sql`object_kind = ${filter.kind}`);
  if (filter.from) conditions.push(sql`at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`at < ${upperBound(filter.to)}`);
  return sql.join(conditions, sql` AND `);
}

interface AuditRow {
  id: number; at: string; user_id: number | null; username: string; action: AuditAction;
  object_kind: AuditObjectKind; object_id: string | null; before: unknown; after: unknown;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id, at: row.at, userId: row.user_id, username: row.username, action: row.action,
  objectKind: row.object_kind, objectId: row.object_id, before: row.before, after: row.after,
});

const columns = sql`id::int AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, user_id, username, action,
  object_kind, object_id, before, after`;

/** The trail, newest first, one page at a time (pages count from 1). */
export async function listAudit(db: Db, filter: AuditFilter, page: number, pageSize: number): Promise<AuditPage> {
  const { rows } = await sql<AuditRow>`
    SELECT ${columns} FROM audit_log WHERE ${where(filter)} ORDER BY id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  const { rows: [count] } = await sql<{ total: number }>`SELECT count(*)::int AS total FROM audit_log WHERE ${where(filter)}`.execute(db);
  return { entries: rows.map(toEntry), total: count!.total, page, pageSize };
}

/** Every entry the filter matches, newest first, up to `limit` (the CSV export). */
export async function exportAudit(db: Db, filter: AuditFilter, limit: number): Promise<AuditEntry[]> {
  const { rows } = await sql<AuditRow>`SELECT ${columns} FROM audit_log WHERE ${where(filter)} ORDER BY id DESC LIMIT ${limit}`.execute(db);
  return rows.map(toEntry);
}
