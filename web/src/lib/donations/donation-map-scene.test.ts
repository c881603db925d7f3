import { describe, expect, it } from 'vitest';
import type { DonationItem, DonationLayers } from '@terep/db/contract';
import { donationSceneOf, stockBarsIcon } from './donation-map-scene';

const item = (key: string, unit: string): DonationItem => ({ key, category: 'food', unit, nameHu: key, nameEn: key, unitKind: 'counted', loadUnits: 1, builtin: true });
const ITEMS = [item('food-parcel', 'parcel'), item('firewood', 'm3')];

const LAYERS: DonationLayers = {
  stock: [
    { warehouseId: 1, name: 'A', lon: 20.7, lat: 48.1, items: [{ item: 'food-parcel', quantity: 40, available: 30 }, { item: 'firewood', quantity: 2, available: 2 }] },
    { warehouseId: 2, name: 'B', lon: 20.3, lat: 48.2, items: [{ item: 'food-parcel', quantity: 10, available: 10 }, { item: 'firewood', quantity: 0, available: 0 }] },
  ],
  requests: [
    { settlementCode: '16054', settlementName: 'X', lon: 20.8, lat: 48.2, quantityByUrgency: { low: 3, medium: 0, high: 5, critical: 0 }, requests: 2, requestsBelowThreshold: false },
    { settlementCode: '06691', settlementName: 'Y', lon: 20.6, lat: 48.3, quantityByUrgency: { low: 32, medium: 0, high: 0, critical: 0 }, requests: null, requestsBelowThreshold: true },
    { settlementCode: '27410', settlementName: 'Z', lon: 20.4, lat: 48.3, quantityByUrgency: { low: 0, medium: 0, high: 0, critical: 0 }, requests: null, requestsBelowThreshold: true },
  ],
  offers: [{ offerId: 9, status: 'accepted', donorKind: 'private', settlementCode: '16054', lon: 20.8, lat: 48.2, lines: [{ item: 'food-parcel', quantity: 5 }] }],
};

describe('stockBarsIcon', () => {
  it('draws a bar per item in stock, each against the largest stock of that item', () => {
    const largest = new Map([['food-parcel', 40], ['firewood', 2]]);
    const full = decodeURIComponent(stockBarsIcon(LAYERS.stock[0]!, ITEMS, largest).url);
    expect(full.match(/<rect x="\d+" y="\d+" width="9"/g)).toHaveLength(2);
    // 40 of 40 parcels fills the 40-pixel chart; 10 of 40 a quarter of it; empty firewood gets no bar.
    expect(full).toContain('height="40"');
    const small = stockBarsIcon(LAYERS.stock[1]!, ITEMS, largest);
    expect(decodeURIComponent(small.url).match(/<rect x="\d+" y="\d+" width="9" height="(\d+)"/)?.[1]).toBe('10');
    expect(small.anchorY).toBe(small.height);
  });
});

describe('donationSceneOf', () => {
  it('sizes requests by their open quantity, colours them by the most urgent, and leaves out settlements with nothing open', () => {
    const scene = donationSceneOf(LAYERS, ITEMS, { stock: true, requests: true, offers: true }, 'layers-1');
    expect(scene.requests.map((entry) => [entry.feature.settlementCode, entry.urgency])).toEqual([
      ['16054', 'high'],
      ['06691', 'low'],
    ]);
    const [eight, thirtyTwo] = scene.requests;
    expect(thirtyTwo!.radius).toBe(26);
    expect(eight!.radius).toBeCloseTo(6 + 20 * Math.sqrt(8 / 32));
    expect(scene.warehouses).toHaveLength(2);
    expect(scene.offers).toHaveLength(1);
  });

  it('draws only the layers switched on', () => {
    const scene = donationSceneOf(LAYERS, ITEMS, { stock: false, requests: true, offers: false }, 'layers-2');
    expect([scene.warehouses.length, scene.requests.length, scene.offers.length]).toEqual([0, 2, 0]);
    expect(scene.key).toBe('layers-2');
  });
});
