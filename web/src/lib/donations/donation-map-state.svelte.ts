import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { DonationLayers, OfferStatus, Urgency } from '@terep/db/contract';
import { fetchDonationLayers } from './donations-client';
import type { DonationLayerKey } from './donation-map-scene';

/** The donation map's filters and layers, and their answer. */
export class DonationMapState {
  item = $state('');
  urgency = $state<Urgency | ''>('');
  /** '' asks for the offers waiting for collection (offered and accepted). */
  offerStatus = $state<OfferStatus | ''>('');
  shown = $state<Record<DonationLayerKey, boolean>>({ stock: true, requests: true, offers: true });
  layers = $state.raw<DonationLayers | null>(null);
  /** Counts the answers, so each one is a scene of its own for the ready hook. */
  version = $state(0);
  readonly request = new LatestRequest();

  load(): Promise<void> {
    return this.request.run(async (signal) => {
      this.layers = await fetchDonationLayers(
        { item: this.item || undefined, urgency: this.urgency || undefined, offerStatus: this.offerStatus || undefined },
        signal,
      );
      this.version++;
    });
  }

  destroy(): void {
    this.request.destroy();
  }
}
