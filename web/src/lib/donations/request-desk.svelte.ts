import { ApiError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import { fetchNeedSignals } from '$lib/need-signals/need-signals-client';
import type { SearchResult } from '$lib/search/search-types';
import type { DonationRequest, NeedSignalRecord, Urgency } from '@terep/db/contract';
import { cancelRequest, createRequest, createRequestsFromSignals, fetchRequests } from './donations-client';
import { Submission } from '$lib/forms/submission.svelte';

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
  readonly form = new Submission();
  missingSettlement = $state(false);

  requests = $state.raw<DonationRequest[] | null>(null);
  includeClosed = $state(false);
  readonly listRequest = new LatestRequest();

  cancellingId = $state<number | null>(null);
  cancelReason = $state('');
  readonly cancelling = new Submission();

  /** Live need signals the user may see (admins; regional staff in their counties). */
  signals = $state.raw<NeedSignalRecord[] | null>(null);
  signalsError = $state.raw<unknown>(null);
  selectedSignals = $state<number[]>([]);
  signalItem = $state('');
  perHousehold = $state(1);
  signalNeededBy = $state('');
  readonly fromSignals = new Submission();

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
    if (this.form.busy || !this.ready || this.quantity === null) return;
    this.form.clear();
    if (!this.settlement) {
      this.missingSettlement = true;
      return;
    }
    const input = {
      settlementCode: this.settlement.code,
      item: this.item,
      quantity: this.quantity,
      urgency: this.urgency,
      organisation: this.organisation.trim(),
      ...(this.neededBy ? { neededBy: this.neededBy } : {}),
      ...(this.note.trim() ? { note: this.note.trim() } : {}),
    };
    await this.form.run(async () => {
      const { id } = await createRequest(input);
      this.form.notice = { key: 'donations.requests.form.recorded', params: { id } };
      this.quantity = null;
      this.note = '';
      await this.load();
    });
  }

  /** Whether the last refusal was a settlement outside the user's counties. */
  get outOfScope(): boolean {
    return this.form.problem instanceof ApiError && this.form.problem.code === 'OUT_OF_SCOPE';
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
    if (this.selectedSignals.length === 0) return;
    const input = {
      signalIds: this.selectedSignals,
      ...(this.signalItem ? { item: this.signalItem } : {}),
      perHousehold: this.perHousehold,
      ...(this.signalNeededBy ? { neededBy: this.signalNeededBy } : {}),
    };
    await this.fromSignals.run(async () => {
      const { ids } = await createRequestsFromSignals(input);
      this.fromSignals.notice = { key: 'donations.requests.signals.created', params: { count: ids.length } };
      this.selectedSignals = [];
      await this.load();
    });
  }

  askCancel(id: number): void {
    this.cancellingId = id;
    this.cancelReason = '';
  }

  stopCancel(): void {
    this.cancellingId = null;
  }

  async confirmCancel(id: number): Promise<void> {
    const reason = this.cancelReason.trim();
    if (!reason) return;
    await this.cancelling.run(
      async () => {
        await cancelRequest(id, reason);
        this.cancelling.notice = { key: 'donations.requests.list.cancelled', params: { id } };
        this.cancellingId = null;
      },
      () => this.load(),
    );
  }

  destroy(): void {
    this.listRequest.destroy();
  }
}
