import { isAbortError } from '$lib/api/api-error';
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
  loading = $state(false);
  error = $state.raw<unknown>(null);

  #controller: AbortController | null = null;

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

  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const answer = await fetchAuditPage(this.applied, this.page, AUDIT_PAGE_SIZE, controller.signal);
      if (this.#controller !== controller) return;
      this.answer = answer;
      this.error = null;
    } catch (error) {
      if (this.#controller === controller && !isAbortError(error)) this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }

  destroy(): void {
    this.#controller?.abort();
  }
}
