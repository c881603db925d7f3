/** Who did a write: a signed-in user, or a command-line run (`userId` null, `username` as the run names itself). */
export interface AuditActor {
  userId: number | null;
  username: string;
}

/** The kinds of object the audit trail records writes to (`GET /api/audit?kind=`). */
export type AuditObjectKind =
  | 'import'
  | 'need-signal'
  | 'settings'
  | 'user'
  | 'plan'
  | 'route'
  | 'road-network'
  | 'need-index'
  // Programmes (issue 15).
  | 'programme'
  | 'project'
  | 'activity'
  | 'partner'
  | 'network'
  // The donation bank (issue 14).
  | 'donation-item' | 'stock-movement' | 'donation-offer' | 'donation-request' | 'allocation'
  // Saved views, stories and read-only share links (issue 13): a share link opens data to anyone holding it.
  | 'view' | 'story' | 'share-link';
export const AUDIT_OBJECT_KINDS: readonly AuditObjectKind[] = ['import', 'need-signal', 'settings', 'user', 'plan', 'route', 'road-network', 'need-index',
  'programme', 'project', 'activity', 'partner', 'network',
  'donation-item', 'stock-movement', 'donation-offer', 'donation-request', 'allocation',
  'view', 'story', 'share-link'];

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'withdraw'
  | 'import'
  | 'rollback'
  | 'load'
  | 'remove'
  | 'start'
  | 'disable'
  | 'enable'
  | 'rescope'
  | 'password-reset'
  | 'password-change'
  // The donation bank (issue 14).
  | 'cancel' | 'commit' | 'dispatch' | 'deliver'
  // Share links (issue 13).
  | 'revoke';

/** One write as `recordAudit` takes it: before/after are the object's values (never a password), null when there is none. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  objectKind: AuditObjectKind;
  objectId: string | number | null;
  before: unknown;
  after: unknown;
}

/** One entry of `GET /api/audit`. */
export interface AuditEntry {
  id: number;
  /** ISO 8601, UTC, with milliseconds. */
  at: string;
  userId: number | null;
  username: string;
  action: AuditAction;
  objectKind: AuditObjectKind;
  objectId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  username?: string | undefined;
  kind?: AuditObjectKind | undefined;
  /** Inclusive day or instant (ISO 8601). */
  from?: string | undefined;
  /** Inclusive day (a date alone means until its end) or instant. */
  to?: string | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}
