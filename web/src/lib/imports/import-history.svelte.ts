import { ApiError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { MessageKey } from '$lib/i18n/dictionary';
import { announceImportChange } from './import-events';
import type { ImportRun, RollbackResult } from './import-types';
import { fetchImportRuns, rollbackImport } from './imports-client';

export interface HistoryProblem {
  context: MessageKey;
  error: unknown;
}

/** The list of past imports and their rollback, one confirmation at a time. */
export class ImportHistory {
  runs = $state.raw<ImportRun[] | null>(null);
  problem = $state.raw<HistoryProblem | null>(null);
  /** The import whose rollback waits for a "yes". */
  confirmingId = $state<number | null>(null);
  rollingBackId = $state<number | null>(null);
  /** The last rollback done, for the notice. */
  lastRollback = $state.raw<RollbackResult | null>(null);

  readonly #request = new LatestRequest();

  get loading(): boolean {
    return this.#request.loading;
  }

  load(): Promise<void> {
    return this.#request.run(
      async (signal) => {
        this.runs = (await fetchImportRuns(signal)).imports;
        if (this.problem?.context === 'import.error.history') this.problem = null;
      },
      { onError: (error) => (this.problem = { context: 'import.error.history', error }) },
    );
  }

  askRollback(id: number): void {
    this.confirmingId = id;
    this.lastRollback = null;
  }

  cancelRollback(): void {
    this.confirmingId = null;
  }

  async confirmRollback(id: number): Promise<void> {
    if (this.rollingBackId !== null) return;
    this.rollingBackId = id;
    this.problem = null;
    try {
      this.lastRollback = await rollbackImport(id);
      announceImportChange();
    } catch (error) {
      // Someone else was quicker: the list below shows it rolled back.
      const already = error instanceof ApiError && error.code === 'IMPORT_ALREADY_ROLLED_BACK';
      this.problem = { context: already ? 'import.error.alreadyRolledBack' : 'import.error.rollback', error };
    } finally {
      this.rollingBackId = null;
      this.confirmingId = null;
    }
    await this.load();
  }

  destroy(): void {
    this.#request.destroy();
  }
}
