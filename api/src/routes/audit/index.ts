import { AUDIT_OBJECT_KINDS, exportAudit, listAudit, type AuditFilter, type AuditObjectKind, type AuditPage, type Engine } from '@terep/db';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditCsv } from '../../audit/audit-csv.ts';
import { parseParam } from '../../http/parse-query.ts';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant',
}).optional();
const kindSchema = z.enum(AUDIT_OBJECT_KINDS as [AuditObjectKind, ...AuditObjectKind[]], { error: `must be one of ${AUDIT_OBJECT_KINDS.join(', ')}` }).optional();
const userSchema = z.string().max(64, { error: 'at most 64 characters' }).optional();
const pageSchema = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(100_000).default(1);
const pageSizeSchema = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 to 500' }).max(500, { error: 'must be 1 to 500' }).default(50);

/** The most rows one CSV export holds; narrow the filter for more. */
const CSV_LIMIT = 100_000;

function filterOf(c: Context): AuditFilter {
  return {
    username: parseParam('user', c.req.query('user') || undefined, userSchema),
    kind: parseParam('kind', c.req.query('kind') || undefined, kindSchema),
    from: parseParam('from', c.req.query('from') || undefined, instant),
    to: parseParam('to', c.req.query('to') || undefined, instant),
  };
}

/** The audit trail for admins: `GET /api/audit` (paged JSON) and `GET /api/audit.csv` (Hungarian Excel CSV). */
export function auditRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/audit', async (c) => {
      const filter = filterOf(c);
      const page = parseParam('page', c.req.query('page'), pageSchema);
      const pageSize = parseParam('pageSize', c.req.query('pageSize'), pageSizeSchema);
      return c.json<AuditPage>(await listAudit(engine.db, filter, page, pageSize));
    })
    .get('/audit.csv', async (c) => {
      const entries = await exportAudit(engine.db, filterOf(c), CSV_LIMIT);
      const day = new Date().toISOString().slice(0, 10);
      return c.body(auditCsv(entries), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="terep-naplo-${day}.csv"`,
      });
    });
}
