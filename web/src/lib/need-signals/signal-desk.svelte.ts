import { ApiError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { DeskNotice } from '$lib/forms/desk-notice';
import type { MessageKey } from '$lib/i18n/dictionary';
import type { NeedCategory, Urgency } from '$lib/org-layers/need-signal-vocabulary';
import type { SearchResult } from '$lib/search/search-types';
import type { NeedSignalInput, NeedSignalRecord } from '@terep/db/contract';
import { createNeedSignal, fetchNeedSignals, SignalProblem, updateNeedSignal, withdrawNeedSignal } from './need-signals-client';

/** What went wrong last, for the page to word: a field's problem, or a failed call in a context. */
export type DeskProblem =
  | { kind: 'field'; problem: SignalProblem }
  | { kind: 'out-of-scope' }
  | { kind: 'call'; context: MessageKey; error: unknown };

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The need-signal page: the form (new or editing one signal), the list of signals the user may
 * see (their counties; all for an admin) with withdrawal behind a confirmation.
 */
export class SignalDesk {
  settlement = $state.raw<{ code: string; name: string } | null>(null);
  category = $state<NeedCategory>('food');
  urgency = $state<Urgency>('medium');
  /** Bound to number inputs: a number, or null while empty. */
  households = $state<number | null>(null);
  persons = $state<number | null>(null);
  date = $state(today());
  organisation = $state('');
  /** The signal being edited, or null for a new one. */
  editingId = $state<number | null>(null);
  saving = $state(false);
  notice = $state.raw<DeskNotice | null>(null);
  problem = $state.raw<DeskProblem | null>(null);
  /** Set when the search chose a district or county instead of a settlement. */
  wrongPlace = $state(false);

  signals = $state.raw<NeedSignalRecord[] | null>(null);
  includeWithdrawn = $state(false);
  confirmingId = $state<number | null>(null);
  withdrawingId = $state<number | null>(null);

  readonly #listRequest = new LatestRequest();

  /** The field the last refusal was about, to mark it. */
  get problemField(): string | null {
    return this.problem?.kind === 'field' ? this.problem.problem.field : null;
  }

  chooseSettlement(result: SearchResult): void {
    this.wrongPlace = result.kind !== 'settlement';
    this.settlement = this.wrongPlace ? null : { code: result.code, name: result.name };
  }

  #input(): NeedSignalInput {
    return {
      settlementCode: this.settlement?.code ?? '',
      category: this.category,
      urgency: this.urgency,
      households: this.households ?? null,
      persons: this.persons ?? null,
      date: this.date,
      organisation: this.organisation,
    };
  }

  async submit(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.problem = null;
    this.notice = null;
    try {
      if (this.editingId === null) {
        const { id } = await createNeedSignal(this.#input());
        this.notice = { key: 'signals.form.recorded', params: { id } };
        this.#resetCounts();
      } else {
        const { id } = await updateNeedSignal(this.editingId, this.#input());
        this.notice = { key: 'signals.form.updated', params: { id } };
        this.cancelEdit();
      }
      await this.load();
    } catch (error) {
      this.problem = error instanceof SignalProblem
        ? { kind: 'field', problem: error }
        : error instanceof ApiError && error.code === 'OUT_OF_SCOPE'
          ? { kind: 'out-of-scope' }
          : { kind: 'call', context: 'signals.error.save', error };
    } finally {
      this.saving = false;
    }
  }

  #resetCounts(): void {
    this.households = null;
    this.persons = null;
  }

  startEdit(signal: NeedSignalRecord): void {
    this.editingId = signal.id;
    this.settlement = { code: signal.settlementCode, name: signal.settlementName };
    this.category = signal.category;
    this.urgency = signal.urgency;
    this.households = signal.households;
    this.persons = signal.persons;
    this.date = signal.date;
    this.organisation = signal.organisation;
    this.problem = null;
    this.notice = null;
  }

  cancelEdit(): void {
    this.editingId = null;
    this.#resetCounts();
  }

  load(): Promise<void> {
    return this.#listRequest.run(
      async (signal) => {
        this.signals = (await fetchNeedSignals({ includeWithdrawn: this.includeWithdrawn, signal })).signals;
      },
      { onError: (error) => (this.problem = { kind: 'call', context: 'signals.error.list', error }) },
    );
  }

  setIncludeWithdrawn(on: boolean): void {
    this.includeWithdrawn = on;
    void this.load();
  }

  askWithdraw(id: number): void {
    this.confirmingId = id;
  }

  cancelWithdraw(): void {
    this.confirmingId = null;
  }

  async confirmWithdraw(id: number): Promise<void> {
    if (this.withdrawingId !== null) return;
    this.withdrawingId = id;
    this.problem = null;
    try {
      await withdrawNeedSignal(id);
      this.notice = { key: 'signals.list.withdrawnNotice', params: { id } };
      if (this.editingId === id) this.cancelEdit();
    } catch (error) {
      // Withdrawn meanwhile by someone else: the reloaded list shows it.
      if (!(error instanceof ApiError && error.code === 'NEED_SIGNAL_WITHDRAWN')) this.problem = { kind: 'call', context: 'signals.error.withdraw', error };
    } finally {
      this.withdrawingId = null;
      this.confirmingId = null;
      await this.load();
    }
  }

  destroy(): void {
    this.#listRequest.destroy();
  }
}
