import { buildApiUrl, fetchJson } from '$lib/api/fetch-json';
import type { AuditFilter, AuditPage } from '@terep/db/contract';

const queryOf = (filter: AuditFilter) => ({ user: filter.username, kind: filter.kind, from: filter.from, to: filter.to });

export function fetchAuditPage(filter: AuditFilter, page: number, pageSize: number, signal?: AbortSignal): Promise<AuditPage> {
  return fetchJson<AuditPage>('/api/audit', { query: { ...queryOf(filter), page, pageSize }, signal, cache: 'no-store' });
}

/** The address of the CSV export of the same filter (the browser downloads it with the session cookie). */
export function auditCsvUrl(filter: AuditFilter): string {
  return buildApiUrl('/api/audit.csv', queryOf(filter));
}
