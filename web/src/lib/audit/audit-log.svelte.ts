import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { AuditFilter, AuditObjectKind, AuditPage } from '@terep/db/contract';
import { auditCsvUrl, fetchAuditPage } from './audit-client';

export const AUDIT_PAGE_SIZE = 50;

/** The admin's audit page: the filter being edited, the filter applied, one page of entries. */
export class AuditLog {
  user = $state('');
  kind = $state<AuditObjectKind | ''>('');
  from = $state('');
  to = $state('');
  applied = $state.raw<AuditFilter>({});
  page = $state(1);
  answer = $state.raw<AuditPage | null>(null);
  readonly #request = new LatestRequest();

  get loading(): boolean {
    return this.#request.loading;
  }

  get error(): unknown {
    return this.#request.error;
  }

  get pages(): number {
    return Math.max(1, Math.ceil((this.answer?.total ?? 0) / AUDIT_PAGE_SIZE));
  }

  get csvUrl(): string {
    return auditCsvUrl(this.applied);
  }

  apply(): void {
    this.applied = {
      username: this.user.trim() || undefined,
      kind: this.kind || undefined,
      from: this.from || undefined,
      to: this.to || undefined,
    };
    this.page = 1;
    void this.load();
  }

  reset(): void {
    this.user = '';
    this.kind = '';
    this.from = '';
    this.to = '';
    this.apply();
  }

  goTo(page: number): void {
    this.page = Math.min(Math.max(1, page), this.pages);
    void this.load();
  }

  load(): Promise<void> {
    return this.#request.run(async (signal) => {
      this.answer = await fetchAuditPage(this.applied, this.page, AUDIT_PAGE_SIZE, signal);
    });
  }

  destroy(): void {
    this.#request.destroy();
  }
}
