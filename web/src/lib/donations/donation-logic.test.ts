import { describe, expect, it } from 'vitest';
import type { DonationRequest } from '@terep/db/contract';
import { assignmentsByWarehouse, heldLines } from './allocation-view';
import { deliveryLines } from './delivery-lines';
import { itemName, quantityText, todayIso } from './donation-format';
import { nextSteps, offerInputOf } from './offer-input';

const form = {
  donorKind: 'organisation' as const,
  donorName: ' Máltai Szeretetszolgálat ',
  contact: ' 06-1-234-5678 ',
  settlementCode: '16054',
  availableFrom: '',
  availableUntil: '2026-12-20',
  warehouseId: null,
  lines: [
    { item: 'food-parcel', quantity: 20 },
    { item: '', quantity: 3 },
    { item: 'firewood', quantity: null },
  ],
  note: '',
};

describe('offerInputOf', () => {
  it('sends the filled lines and trimmed names, and leaves empty fields out', () => {
    expect(offerInputOf(form)).toEqual({
      input: { donorKind: 'organisation', donorName: 'Máltai Szeretetszolgálat', contact: '06-1-234-5678', settlementCode: '16054', availableUntil: '2026-12-20', lines: [{ item: 'food-parcel', quantity: 20 }] },
    });
  });

  it('never sends a private donor’s name or contact', () => {
    const built = offerInputOf({ ...form, donorKind: 'private' });
    expect(built).toMatchObject({ input: { donorKind: 'private' } });
    expect('input' in built && ('donorName' in built.input || 'contact' in built.input)).toBe(false);
  });

  it('names what is missing', () => {
    expect(offerInputOf({ ...form, settlementCode: null })).toEqual({ gap: 'noSettlement' });
    expect(offerInputOf({ ...form, lines: [{ item: 'food-parcel', quantity: 0 }] })).toEqual({ gap: 'noLines' });
    expect(offerInputOf({ ...form, donorName: '  ' })).toEqual({ gap: 'noName' });
  });
});

describe('nextSteps', () => {
  it('follows offered → accepted → collected → received, declining only before collection', () => {
    expect(nextSteps('offered')).toEqual(['accepted', 'declined']);
    expect(nextSteps('accepted')).toEqual(['collected', 'declined']);
    expect(nextSteps('collected')).toEqual(['received']);
    expect(nextSteps('received')).toEqual([]);
    expect(nextSteps('declined')).toEqual([]);
  });
});

const request = (id: number, committed: number, inTransit: number): DonationRequest => ({
  id,
  settlementCode: '16054',
  settlementName: 'Hernádszentandrás',
  districtCode: '051',
  countyCode: '05',
  item: 'food-parcel',
  urgency: 'high',
  neededBy: null,
  organisation: 'Családsegítő',
  note: null,
  status: 'committed',
  quantity: 10,
  committed,
  inTransit,
  fulfilled: 10 - committed - inTransit,
  outstanding: 0,
  needSignalId: null,
  cancelReason: null,
  createdBy: 'admin',
  createdAt: '2026-12-01T10:00:00Z',
  cancelledAt: null,
});

describe('allocation views', () => {
  const assignments = [
    { requestId: 1, warehouseId: 7, item: 'food-parcel', quantity: 6, distanceKm: 12 },
    { requestId: 2, warehouseId: 9, item: 'food-parcel', quantity: 4, distanceKm: 30 },
    { requestId: 3, warehouseId: 7, item: 'food-parcel', quantity: 5, distanceKm: 8 },
  ];

  it('groups assignments by warehouse in first-seen order', () => {
    expect(assignmentsByWarehouse({ assignments }).map((group) => [group.warehouseId, group.assignments.map((entry) => entry.requestId)])).toEqual([
      [7, [1, 3]],
      [9, [2]],
    ]);
  });

  it('holds no more than a request still has committed or in transit, and drops what was delivered', () => {
    const lines = heldLines(assignments.filter((entry) => entry.warehouseId === 7), [request(1, 2, 1), request(3, 0, 0)]);
    expect(lines).toEqual([{ requestId: 1, item: 'food-parcel', settlementName: 'Hernádszentandrás', held: 3 }]);
  });
});

describe('deliveryLines', () => {
  const held = [
    { requestId: 1, item: 'food-parcel', settlementName: 'A', held: 6 },
    { requestId: 3, item: 'food-parcel', settlementName: 'B', held: 5 },
  ];

  it('sends no lines for a full delivery (the server takes everything held)', () => {
    expect(deliveryLines(held, { 1: 6, 3: 5 }, true)).toBeUndefined();
  });

  it('sends what arrived, capped at what is held, and leaves out what did not', () => {
    expect(deliveryLines(held, { 1: 4, 3: 0 }, false)).toEqual([{ requestId: 1, quantity: 4 }]);
    expect(deliveryLines(held, { 1: 9, 3: null }, false)).toEqual([{ requestId: 1, quantity: 6 }]);
  });
});

describe('donation formats', () => {
  const items = [{ key: 'firewood', category: 'heating' as const, unit: 'm3', nameHu: 'Tűzifa', nameEn: 'Firewood', unitKind: 'measured' as const, loadUnits: 4, builtin: true }];

  it('names items in the UI language, by key when unknown', () => {
    expect(itemName(items, 'firewood', 'hu')).toBe('Tűzifa');
    expect(itemName(items, 'firewood', 'en')).toBe('Firewood');
    expect(itemName(items, 'sofa', 'hu')).toBe('sofa');
  });

  it('writes whole units without decimals and measured ones with up to two', () => {
    expect(quantityText(12000, 'hu')).toBe('12\u00a0000');
    expect(quantityText(3.25, 'en')).toBe('3.25');
  });

  it('gives today as a calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
