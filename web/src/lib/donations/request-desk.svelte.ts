import { ApiError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import { fetchNeedSignals } from '$lib/need-signals/need-signals-client';
import type { SearchResult } from '$lib/search/search-types';
import type { DonationRequest, NeedSignalRecord, Urgency } from '@terep/db/contract';
import { cancelRequest, createRequest, createRequestsFromSignals, fetchRequests } from './donations-client';
import type { DeskNotice } from './stock-desk.svelte';

/** Still open: something of it may yet be allocated, routed or delivered. */
export function isOpen(request: DonationRequest): boolean {
  return request.status !== 'fulfilled' && request.status !== 'cancelled';
}

/** The requests page: a new request by hand, requests from need signals in one step, the list with cancelling. */
export class RequestDesk {
  settlement = $state.raw<{ code: string; name: string } | null>(null);
  wrongPlace = $state(false);
  item = $state('');
  quantity = $state<number | null>(null);
  urgency = $state<Urgency>('medium');
  neededBy = $state('');
  organisation = $state('');
  note = $state('');
  saving = $state(false);
  missingSettlement = $state(false);
  problem = $state.raw<unknown>(null);
  notice = $state.raw<DeskNotice | null>(null);

  requests = $state.raw<DonationRequest[] | null>(null);
  includeClosed = $state(false);
  readonly listRequest = new LatestRequest();

  cancellingId = $state<number | null>(null);
  cancelReason = $state('');
  cancelBusy = $state(false);
  cancelProblem = $state.raw<unknown>(null);
  cancelNotice = $state.raw<DeskNotice | null>(null);

  /** Live need signals the user may see (admins; regional staff in their counties). */
  signals = $state.raw<NeedSignalRecord[] | null>(null);
  signalsError = $state.raw<unknown>(null);
  selectedSignals = $state<number[]>([]);
  signalItem = $state('');
  perHousehold = $state(1);
  signalNeededBy = $state('');
  creatingFromSignals = $state(false);
  signalsProblem = $state.raw<unknown>(null);
  signalsNotice = $state.raw<DeskNotice | null>(null);

  get shown(): DonationRequest[] {
    return (this.requests ?? []).filter((request) => this.includeClosed || isOpen(request));
  }

  get ready(): boolean {
    return this.item !== '' && this.quantity !== null && this.quantity > 0 && this.organisation.trim() !== '';
  }

  chooseSettlement(result: SearchResult): void {
    this.wrongPlace = result.kind !== 'settlement';
    this.settlement = this.wrongPlace ? null : { code: result.code, name: result.name };
    this.missingSettlement = false;
  }

  async submit(): Promise<void> {
    if (this.saving || !this.ready || this.quantity === null) return;
    this.problem = null;
    this.notice = null;
    if (!this.settlement) {
      this.missingSettlement = true;
      return;
    }
    this.saving = true;
    try {
      const { id } = await createRequest({
        settlementCode: this.settlement.code,
        item: this.item,
        quantity: this.quantity,
        urgency: this.urgency,
        organisation: this.organisation.trim(),
        ...(this.neededBy ? { neededBy: this.neededBy } : {}),
        ...(this.note.trim() ? { note: this.note.trim() } : {}),
      });
      this.notice = { key: 'donations.requests.form.recorded', params: { id } };
      this.quantity = null;
      this.note = '';
      await this.load();
    } catch (error) {
      this.problem = error;
    } finally {
      this.saving = false;
    }
  }

  /** Whether the last refusal was a settlement outside the user's counties. */
  get outOfScope(): boolean {
    return this.problem instanceof ApiError && this.problem.code === 'OUT_OF_SCOPE';
  }

  load(): Promise<void> {
    return this.listRequest.run(async (signal) => {
      this.requests = (await fetchRequests({}, signal)).requests;
    });
  }

  async loadSignals(): Promise<void> {
    try {
      const { signals } = await fetchNeedSignals({ includeWithdrawn: false });
      this.signals = signals;
      this.signalsError = null;
    } catch (error) {
      this.signalsError = error;
    }
  }

  /** Signals that no request was made from yet: the rest would only double the need. */
  get freshSignals(): NeedSignalRecord[] {
    const used = new Set((this.requests ?? []).flatMap((request) => (request.needSignalId !== null && request.status !== 'cancelled' ? [request.needSignalId] : [])));
    return (this.signals ?? []).filter((signal) => !used.has(signal.id));
  }

  toggleSignal(id: number, on: boolean): void {
    this.selectedSignals = on ? [...new Set([...this.selectedSignals, id])] : this.selectedSignals.filter((entry) => entry !== id);
  }

  selectAllSignals(on: boolean): void {
    this.selectedSignals = on ? this.freshSignals.map((signal) => signal.id) : [];
  }

  async createFromSignals(): Promise<void> {
    if (this.creatingFromSignals || this.selectedSignals.length === 0) return;
    this.creatingFromSignals = true;
    this.signalsProblem = null;
    this.signalsNotice = null;
    try {
      const { ids } = await createRequestsFromSignals({
        signalIds: this.selectedSignals,
        ...(this.signalItem ? { item: this.signalItem } : {}),
        perHousehold: this.perHousehold,
        ...(this.signalNeededBy ? { neededBy: this.signalNeededBy } : {}),
      });
      this.signalsNotice = { key: 'donations.requests.signals.created', params: { count: ids.length } };
      this.selectedSignals = [];
      await this.load();
    } catch (error) {
      this.signalsProblem = error;
    } finally {
      this.creatingFromSignals = false;
    }
  }

  askCancel(id: number): void {
    this.cancellingId = id;
    this.cancelReason = '';
  }

  stopCancel(): void {
    this.cancellingId = null;
  }

  async confirmCancel(id: number): Promise<void> {
    if (this.cancelBusy || !this.cancelReason.trim()) return;
    this.cancelBusy = true;
    this.cancelProblem = null;
    this.cancelNotice = null;
    try {
      await cancelRequest(id, this.cancelReason.trim());
      this.cancelNotice = { key: 'donations.requests.list.cancelled', params: { id } };
      this.cancellingId = null;
    } catch (error) {
      this.cancelProblem = error;
    } finally {
      this.cancelBusy = false;
      await this.load();
    }
  }

  destroy(): void {
    this.listRequest.destroy();
  }
}
