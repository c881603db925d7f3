import { describe, expect, it } from 'vitest';
import { readCvrplibFile } from './instances/cvrplib-reader.ts';
import { readSolomonFile } from './instances/solomon-reader.ts';
import { createProblemData } from './model.ts';
import { findUnservableClients } from './unservable.ts';

const fixture = (name: string): string => new URL(`./instances/fixtures/${name}`, import.meta.url).pathname;

describe('findUnservableClients', () => {
  it('names a stop whose demand is above every capacity', () => {
    const { data } = readCvrplibFile(fixture('demand-above-every-capacity.vrp'));
    expect(findUnservableClients(data)).toEqual([{
      client: 1,
      name: 'node 3',
      reason: 'its load 15 is above the capacity 10 of "vehicle type 1"',
      reasons: [{ code: 'load-above-capacity', params: { load: 15, capacity: 10, vehicle: 'vehicle type 1' } }],
    }]);
  });

  it('names a stop whose window closes before any vehicle can arrive', () => {
    const { data } = readSolomonFile(fixture('window-no-route-can-reach.txt'));
    const found = findUnservableClients(data);
    expect(found.map((entry) => entry.name)).toEqual(['1']);
    expect(found[0]!.reason).toMatch(/window closes at 200, but "vehicle type 1" cannot arrive before 500/);
    expect(found[0]!.reasons).toEqual([{ code: 'window-closes-before-arrival', params: { closes: '200', earliest: '500', vehicle: 'vehicle type 1' } }]);
  });

  it('accepts a stop that one vehicle type of several can serve, and checks returns and duration limits', () => {
    const distances = new Float64Array([0, 40, 40, 0]);
    const base = { depots: [{ name: 'warehouse', twLate: 100 }], distances };
    const mixed = createProblemData({
      ...base,
      clients: [{ name: 'big order', delivery: 30, serviceDuration: 10 }],
      vehicleTypes: [{ name: 'van', count: 2, capacity: 10 }, { name: 'truck', count: 1, capacity: 40 }],
    });
    expect(findUnservableClients(mixed)).toEqual([]);
    const late = createProblemData({ ...base, clients: [{ name: 'far', serviceDuration: 30 }], vehicleTypes: [{ name: 'van', count: 1, capacity: 10 }] });
    expect(findUnservableClients(late)[0]!.reason).toMatch(/cannot be back at the depot before 100 \(earliest 110\)/);
    const long = createProblemData({ ...base, clients: [{ name: 'far' }], vehicleTypes: [{ name: 'van', count: 1, capacity: 10, maxDuration: 60 }] });
    expect(findUnservableClients(long)[0]!.reason).toMatch(/round trip takes 80, above the maximum duration 60/);
    expect(findUnservableClients(late)[0]!.reasons).toEqual([{ code: 'cannot-return-in-time', params: { closes: '100', earliest: '110', vehicle: 'van' } }]);
    expect(findUnservableClients(long)[0]!.reasons).toEqual([{ code: 'round-trip-too-long', params: { minutes: 80, maxMinutes: 60, vehicle: 'van' } }]);
  });
});
