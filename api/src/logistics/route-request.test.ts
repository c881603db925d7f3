import type { RouteRequest } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { checkRouteRequest } from './route-request.ts';

const valid: RouteRequest = {
  depots: [{ warehouseId: 1 }, { name: 'Partner depot', lon: 20.1, lat: 46.2 }],
  stops: [
    { settlementCode: '03939', delivery: 12, window: { from: '9:00', to: '12:00' } },
    { name: 'Food bank', lon: 20.2, lat: 46.3, delivery: 0, pickup: 30, serviceMinutes: 25 },
  ],
  fleet: [
    { name: 'Transit', count: 2, capacity: 40, shift: { from: '07:00', to: '16:00' }, costPerKm: 180 },
    { count: 1, capacity: 20, shift: { from: '08:00', to: '14:00' }, depot: 1, maxDurationMinutes: 240 },
  ],
};

describe('checkRouteRequest', () => {
  it('reads windows and shifts as minutes and fills the defaults', () => {
    const checked = checkRouteRequest(valid);
    expect(checked.stops.map((stop) => [stop.index, stop.delivery, stop.pickup, stop.serviceMinutes, stop.window])).toEqual([
      [0, 12, 0, 10, [540, 720]],
      [1, 0, 30, 25, null],
    ]);
    expect(checked.fleet[0]).toEqual({ name: 'Transit', count: 2, capacity: 40, shift: [420, 960], maxDurationMinutes: 540, costPerKm: 180, depot: 0, endDepot: 0 });
    expect(checked.fleet[1]).toMatchObject({ name: 'van 2', shift: [480, 840], maxDurationMinutes: 240, costPerKm: 1, depot: 1, endDepot: 1 });
    expect(checked).toMatchObject({ timeLimitSeconds: 10, seed: 1 });
  });

  it.each([
    ['NO_DEPOTS', { depots: [] }],
    ['NO_STOPS', { stops: [] }],
    ['EMPTY_FLEET', { fleet: [] }],
    ['EMPTY_FLEET', { fleet: [{ ...valid.fleet[0]!, count: 0 }] }],
    ['UNKNOWN_DEPOT', { fleet: [{ ...valid.fleet[0]!, depot: 2 }] }],
    ['INVALID_TIME_WINDOW', { stops: [{ settlementCode: '03939', delivery: 1, window: { from: '9:00', to: '25:00' } }] }],
    ['INVALID_TIME_WINDOW', { stops: [{ settlementCode: '03939', delivery: 1, window: { from: '12:00', to: '9:00' } }] }],
    ['INVALID_TIME_WINDOW', { fleet: [{ ...valid.fleet[0]!, shift: { from: 'reggel', to: '16:00' } }] }],
  ])('refuses with %s', (code, change) => {
    expect(() => checkRouteRequest({ ...valid, ...change })).toThrowError(expect.objectContaining({ name: 'LogisticsError', code }));
  });

  it('names the stop whose window is malformed', () => {
    expect(() => checkRouteRequest({ ...valid, stops: [{ name: 'Iskola', lon: 20, lat: 47, delivery: 1, window: { from: '9', to: '10:00' } }] })).toThrowError(
      /stop 1 \("Iskola"\) has "9", which is not a time of day/,
    );
  });
});
