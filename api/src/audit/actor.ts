import type { AuditActor, SessionUser } from '@terep/db';

/** The signed-in user as the audit trail names them. */
export function actorOf(user: SessionUser): AuditActor {
  return { userId: user.id, username: user.username };
}
