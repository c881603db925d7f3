import type { AuditActor } from '@terep/db';

/** Who the audit trail names for writes a test makes directly through the queries. */
export const TEST_ACTOR: AuditActor = { userId: null, username: 'test' };
