import { describe, expect, it } from 'vitest';
import type { DepotDraft, StopDraft, VanDraft } from './logistics-types';
import { buildRouteRequest, draftsOfScenario } from './route-request';

const depots: DepotDraft[] = [
  { key: 'warehouse:3', name: 'Miskolci raktár', detail: 'Miskolc', position: [20.7, 48.1], input: { warehouseId: 3 } },
  { key: 'settlement:14492', name: 'Ózd', detail: 'Borsod-Abaúj-Zemplén', position: [20.29, 48.22], input: { settlementCode: '14492' } },
];
const stops: StopDraft[] = [
  { key: '16054', settlementCode: '16054', name: 'Sajószentpéter', position: [20.7, 48.2], delivery: 4, pickup: 0, window: null, amountSource: 'households' },
  { key: '06691', settlementCode: '06691', name: 'Kazincbarcika', position: [20.6, 48.3], delivery: 2, pickup: 5, window: { from: '09:00', to: '12:00' }, amountSource: 'given' },
];
const vans: VanDraft[] = [
  { name: 'Kisbusz 1', count: 2, capacity: 40, from: '08:00', to: '16:00', costPerKm: 150, depot: 0 },
  { name: 'Kisbusz 2', count: 1, capacity: 30, from: '07:30', to: '15:00', costPerKm: 120, depot: 5 },
];

describe('buildRouteRequest', () => {
  it('sends depots, stops and vans as the API reads them', () => {
    expect(buildRouteRequest(depots, stops, vans, { serviceMinutes: 12, timeLimitSeconds: 5 })).toEqual({
      depots: [{ warehouseId: 3 }, { settlementCode: '14492' }],
      stops: [
        { settlementCode: '16054', name: 'Sajószentpéter', delivery: 4 },
        { settlementCode: '06691', name: 'Kazincbarcika', delivery: 2, pickup: 5, window: { from: '09:00', to: '12:00' } },
      ],
      fleet: [
        { name: 'Kisbusz 1', count: 2, capacity: 40, shift: { from: '08:00', to: '16:00' }, costPerKm: 150, depot: 0 },
        // A van whose depot was removed starts from the last one left.
        { name: 'Kisbusz 2', count: 1, capacity: 30, shift: { from: '07:30', to: '15:00' }, costPerKm: 120, depot: 1 },
      ],
      serviceMinutes: 12,
      timeLimitSeconds: 5,
    });
  });
});

describe('draftsOfScenario', () => {
  it('gives back the drafts a saved request was built from', () => {
    const request = buildRouteRequest(depots, stops, vans.slice(0, 1), { serviceMinutes: 12, timeLimitSeconds: 5 });
    const place = (name: string, position: [number, number], settlementCode: string | null) => ({ name, settlementCode, lon: position[0], lat: position[1] });
    const restored = draftsOfScenario(
      {
        request,
        stopPlaces: stops.map((stop) => place(stop.name, stop.position, stop.settlementCode)),
        plan: { depots: depots.map((depot) => place(depot.name, depot.position, null)) } as never,
      },
      { serviceMinutes: 10, timeLimitSeconds: 10 },
    );
    expect(restored.depots.map(({ detail: _detail, ...depot }) => depot)).toEqual(depots.map(({ detail: _detail, ...depot }) => depot));
    // Amounts count as given once saved: the need signals they came from may have changed since.
    expect(restored.stops).toEqual(stops.map((stop) => ({ ...stop, amountSource: 'given' })));
    expect(restored.vans).toEqual(vans.slice(0, 1));
    expect(restored).toMatchObject({ serviceMinutes: 12, timeLimitSeconds: 5 });
  });
});
