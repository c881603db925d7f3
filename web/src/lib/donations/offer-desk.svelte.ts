import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { SearchResult } from '$lib/search/search-types';
import type { DonationOffer, DonorKind, OfferStatus } from '@terep/db/contract';
import { createOffer, fetchOffers, setOfferStatus } from './donations-client';
import { Submission } from '$lib/forms/submission.svelte';
import { offerInputOf, type LineDraft, type OfferFormGap } from './offer-input';


/** The offers page: the form of a new offer, the list by status, and each offer's next step. */
export class OfferDesk {
  donorKind = $state<DonorKind>('organisation');
  donorName = $state('');
  contact = $state('');
  settlement = $state.raw<{ code: string; name: string } | null>(null);
  wrongPlace = $state(false);
  availableFrom = $state('');
  availableUntil = $state('');
  warehouseId = $state<number | null>(null);
  lines = $state<LineDraft[]>([{ item: '', quantity: null }]);
  note = $state('');
  readonly form = new Submission();
  gap = $state<OfferFormGap | null>(null);

  offers = $state.raw<DonationOffer[] | null>(null);
  statusFilter = $state<OfferStatus | ''>('');
  readonly listRequest = new LatestRequest();

  /** The offer whose decline reason or accepting warehouse is being asked for. */
  decliningId = $state<number | null>(null);
  declineReason = $state('');
  /** Warehouse chosen per offer in the list (accepting needs one). */
  warehouseFor = $state<Record<number, number | null>>({});
  actingId = $state<number | null>(null);
  actionProblem = $state.raw<unknown>(null);
  /** The last step taken, for the page to word. */
  advanced = $state.raw<{ id: number; status: OfferStatus } | null>(null);

  chooseSettlement(result: SearchResult): void {
    this.wrongPlace = result.kind !== 'settlement';
    this.settlement = this.wrongPlace ? null : { code: result.code, name: result.name };
  }

  addLine(): void {
    this.lines.push({ item: '', quantity: null });
  }

  removeLine(index: number): void {
    this.lines.splice(index, 1);
    if (this.lines.length === 0) this.addLine();
  }

  async submit(): Promise<void> {
    if (this.form.busy) return;
    this.form.clear();
    const built = offerInputOf({
      donorKind: this.donorKind,
      donorName: this.donorName,
      contact: this.contact,
      settlementCode: this.settlement?.code ?? null,
      availableFrom: this.availableFrom,
      availableUntil: this.availableUntil,
      warehouseId: this.warehouseId,
      lines: this.lines,
      note: this.note,
    });
    if ('gap' in built) {
      this.gap = built.gap;
      return;
    }
    this.gap = null;
    await this.form.run(async () => {
      const { id } = await createOffer(built.input);
      this.form.notice = { key: 'donations.offers.form.recorded', params: { id } };
      this.lines = [{ item: '', quantity: null }];
      this.note = '';
      await this.load();
    });
  }

  load(): Promise<void> {
    return this.listRequest.run(async (signal) => {
      const { offers } = await fetchOffers({ status: this.statusFilter || undefined }, signal);
      this.offers = offers;
      this.warehouseFor = Object.fromEntries(offers.map((offer) => [offer.id, this.warehouseFor[offer.id] ?? offer.warehouseId]));
    });
  }

  setFilter(status: OfferStatus | ''): void {
    this.statusFilter = status;
    void this.load();
  }

  askDecline(id: number): void {
    this.decliningId = id;
    this.declineReason = '';
  }

  cancelDecline(): void {
    this.decliningId = null;
  }

  async advance(offer: DonationOffer, status: 'accepted' | 'collected' | 'received' | 'declined'): Promise<void> {
    if (this.actingId !== null) return;
    if (status === 'declined' && !this.declineReason.trim()) return;
    this.actingId = offer.id;
    this.actionProblem = null;
    this.advanced = null;
    try {
      const warehouseId = this.warehouseFor[offer.id] ?? null;
      await setOfferStatus(offer.id, {
        status,
        ...(warehouseId !== null && status !== 'declined' ? { warehouseId } : {}),
        ...(status === 'declined' ? { reason: this.declineReason.trim() } : {}),
      });
      this.advanced = { id: offer.id, status };
      this.decliningId = null;
    } catch (error) {
      this.actionProblem = error;
    } finally {
      this.actingId = null;
      await this.load();
    }
  }

  destroy(): void {
    this.listRequest.destroy();
  }
}
