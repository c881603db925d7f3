import type { LonLat } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import type { IconSpec } from '$lib/map/layers/icon-point-layer';
import type { ThematicScene } from '$lib/map/thematic-map';
import { svgDataUrl } from '$lib/org-layers/map-icons';
import type { DonationItem, DonationLayers, OfferFeature, RequestSettlementFeature, Urgency, WarehouseStockFeature } from '@terep/db/contract';
import { itemColor, rgbaOf, URGENCY_COLORS } from './donation-colors';

export const DONATION_LAYER_ID = { stock: 'donation-stock', requests: 'donation-requests', offers: 'donation-offers' } as const;

export type DonationLayerKey = keyof typeof DONATION_LAYER_ID;

export interface DrawnWarehouse {
  feature: WarehouseStockFeature;
  position: LonLat;
  icon: IconSpec;
}

export interface DrawnRequests {
  feature: RequestSettlementFeature;
  position: LonLat;
  radius: number;
  color: Rgba;
  /** The most urgent urgency with an open quantity. */
  urgency: Urgency;
}

export interface DrawnOffer {
  feature: OfferFeature;
  position: LonLat;
}

/** What the donation map draws, as plain data; the layer builder (loaded with deck.gl) turns it into layers. */
export interface DonationScene extends ThematicScene {
  warehouses: readonly DrawnWarehouse[];
  requests: readonly DrawnRequests[];
  offers: readonly DrawnOffer[];
}

export const EMPTY_DONATION_SCENE: DonationScene = { key: 'base', fills: null, warehouses: [], requests: [], offers: [] };

const BAR_WIDTH = 9;
const BAR_GAP = 3;
const CHART_HEIGHT = 40;
const PAD = 4;

/**
 * A warehouse's stock as a small bar chart: a bar per item in the item's colour, as high as the
 * warehouse's share of the largest stock of that item on the map (units differ between items, so
 * each item is measured against itself). An empty warehouse shows a grey base line only.
 */
export function stockBarsIcon(stock: WarehouseStockFeature, items: readonly DonationItem[], largest: ReadonlyMap<string, number>): IconSpec {
  const shown = stock.items.filter((entry) => entry.quantity > 0);
  const count = Math.max(1, shown.length);
  const width = PAD * 2 + count * BAR_WIDTH + (count - 1) * BAR_GAP;
  const height = CHART_HEIGHT + PAD * 2;
  const bars = shown
    .map((entry, index) => {
      const share = entry.quantity / (largest.get(entry.item) || 1);
      const barHeight = Math.max(3, Math.round(share * CHART_HEIGHT));
      const x = PAD + index * (BAR_WIDTH + BAR_GAP);
      return `<rect x="${x}" y="${PAD + CHART_HEIGHT - barHeight}" width="${BAR_WIDTH}" height="${barHeight}" fill="${itemColor(items, entry.item)}"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="4" fill="#fff" fill-opacity="0.92" stroke="#16213a" stroke-width="1"/>`
    + bars
    + `<line x1="${PAD}" y1="${PAD + CHART_HEIGHT}" x2="${width - PAD}" y2="${PAD + CHART_HEIGHT}" stroke="#16213a" stroke-width="1.5"/>`
    + '</svg>';
  const id = `stock:${stock.warehouseId}:${shown.map((entry) => `${entry.item}=${entry.quantity}`).join(',')}:${[...largest.entries()].join(',')}`;
  return { id, url: svgDataUrl(svg), width, height, anchorY: height, mask: false };
}

const URGENCY_ORDER: readonly Urgency[] = ['critical', 'high', 'medium', 'low'];
const MIN_RADIUS = 6;
const MAX_RADIUS = 26;

/** The map's scene from the layers' answer: the layers switched on, sized and coloured. */
export function donationSceneOf(layers: DonationLayers, items: readonly DonationItem[], shown: Readonly<Record<DonationLayerKey, boolean>>, key: string): DonationScene {
  const largest = new Map<string, number>();
  for (const warehouse of layers.stock) for (const entry of warehouse.items) largest.set(entry.item, Math.max(largest.get(entry.item) ?? 0, entry.quantity));
  const totals = layers.requests.map((feature) => URGENCY_ORDER.reduce((sum, urgency) => sum + (feature.quantityByUrgency[urgency] ?? 0), 0));
  const maxTotal = Math.max(1, ...totals);
  return {
    key,
    fills: null,
    warehouses: shown.stock ? layers.stock.map((feature) => ({ feature, position: [feature.lon, feature.lat], icon: stockBarsIcon(feature, items, largest) })) : [],
    requests: shown.requests
      ? layers.requests.flatMap((feature, index) => {
          const urgency = URGENCY_ORDER.find((entry) => (feature.quantityByUrgency[entry] ?? 0) > 0);
          if (!urgency) return [];
          const radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(totals[index]! / maxTotal);
          return [{ feature, position: [feature.lon, feature.lat] as LonLat, radius, urgency, color: rgbaOf(URGENCY_COLORS[urgency], 215) }];
        })
      : [],
    offers: shown.offers ? layers.offers.map((feature) => ({ feature, position: [feature.lon, feature.lat] })) : [],
  };
}
