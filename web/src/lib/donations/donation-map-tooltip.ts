import { i18n } from '$lib/i18n/locale.svelte';
import type { MapHover } from '$lib/map/thematic-map';
import { URGENCIES } from '$lib/org-layers/need-signal-vocabulary';
import type { DonationCatalogue } from './donation-catalogue.svelte';
import { DONATION_LAYER_ID, type DrawnOffer, type DrawnRequests, type DrawnWarehouse } from './donation-map-scene';

export interface DonationTooltip {
  title: string;
  subtitle: string;
  value: string | null;
  rows: { label: string; value: string }[];
}

/** What the pointer shows over the donation map: a warehouse's stock per item, a settlement's open requests by urgency, an offer's items. */
export function describeDonationHover(hover: MapHover, catalogue: DonationCatalogue): DonationTooltip | null {
  if (hover.kind !== 'object') return null;
  if (hover.layerId === DONATION_LAYER_ID.stock) {
    const { feature } = hover.object as DrawnWarehouse;
    return {
      title: feature.name,
      subtitle: i18n.t('donations.map.tooltip.warehouse'),
      value: null,
      rows: feature.items.filter((entry) => entry.quantity > 0).map((entry) => ({ label: catalogue.itemName(entry.item), value: catalogue.amount(entry.item, entry.quantity) })),
    };
  }
  if (hover.layerId === DONATION_LAYER_ID.requests) {
    const { feature } = hover.object as DrawnRequests;
    const count = feature.requestsBelowThreshold || feature.requests === null ? i18n.t('donations.reports.belowThreshold') : String(feature.requests);
    return {
      title: feature.settlementName,
      subtitle: i18n.t('donations.map.tooltip.requests'),
      value: i18n.t('donations.map.tooltip.requestCount', { count }),
      rows: URGENCIES.toReversed()
        .filter((urgency) => (feature.quantityByUrgency[urgency] ?? 0) > 0)
        .map((urgency) => ({ label: i18n.t(`urgency.${urgency}`), value: String(feature.quantityByUrgency[urgency]) })),
    };
  }
  if (hover.layerId === DONATION_LAYER_ID.offers) {
    const { feature } = hover.object as DrawnOffer;
    return {
      title: i18n.t('donations.map.tooltip.offer', { id: feature.offerId }),
      subtitle: `${i18n.t(`donations.donor.${feature.donorKind}`)} · ${i18n.t(`donations.offerStatus.${feature.status}`)}`,
      value: null,
      rows: feature.lines.map((line) => ({ label: catalogue.itemName(line.item), value: catalogue.amount(line.item, line.quantity) })),
    };
  }
  return null;
}
