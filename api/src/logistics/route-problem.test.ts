import type { DistanceMethod, RoutePlace } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { createProblemData } from '../routing/model.ts';
import type { TravelMatrix } from '../travel/travel-matrix.ts';
import { buildRouteProblem, NO_PATH, withoutClients } from './route-problem.ts';
import { checkRouteRequest } from './route-request.ts';

const METHOD: DistanceMethod = { kind: 'road-network', detourFactor: 1 };
const place = (name: string): RoutePlace => ({ name, settlementCode: null, lon: 19, lat: 47 });

/** A matrix over `size` points from a km table (minutes = km: 60 km/h). */
function matrixOf(km: number[][], unroutable: number[] = []): TravelMatrix {
  const size = km.length;
  return {
    method: METHOD,
    origins: size,
    destinations: size,
    distanceKm: Float64Array.from(km.flat()),
    durationMin: Float64Array.from(km.flat()),
    unroutable: { origins: unroutable, destinations: unroutable },
  };
}

const request = checkRouteRequest({
  depots: [{ name: 'Raktár', lon: 19, lat: 47 }],
  stops: [
    { name: 'A', lon: 19.1, lat: 47, delivery: 5, window: { from: '09:00', to: '10:30' } },
    { name: 'B', lon: 19.2, lat: 47, delivery: 3, pickup: 2, serviceMinutes: 20 },
    { name: 'C', lon: 19.3, lat: 47, delivery: 1 },
  ],
  fleet: [{ name: 'Kisbusz', count: 2, capacity: 10, shift: { from: '08:00', to: '16:00' }, costPerKm: 200 }],
});

describe('buildRouteProblem', () => {
  it('lays the request out in whole metres and seconds, depots first', () => {
    const problem = buildRouteProblem(request, [place('Raktár')], ['A', 'B', 'C'].map(place), matrixOf([
      [0, 10.2345, 20, 30],
      [10.2345, 0, 10, 20],
      [20, 10, 0, 10],
      [30, 20, 10, 0],
    ]));
    const data = createProblemData(problem.input);
    expect(problem.clientStops).toEqual([0, 1, 2]);
    expect(problem.unroutable).toEqual([]);
    expect(data.distance[1]).toBe(10_235);
    expect(data.duration[1]).toBe(614);
    expect(Array.from(data.delivery)).toEqual([0, 5, 3, 1]);
    expect(Array.from(data.pickup)).toEqual([0, 0, 2, 0]);
    expect(Array.from(data.serviceDuration)).toEqual([0, 600, 1200, 600]);
    expect([data.twEarly[1], data.twLate[1], data.twLate[2]]).toEqual([32_400, 37_800, Number.POSITIVE_INFINITY]);
    expect(data.vehicleTypes[0]).toMatchObject({ name: 'Kisbusz', count: 2, capacity: 10, twEarly: 28_800, twLate: 57_600, maxDuration: 28_800, unitDistanceCost: 0.2 });
  });

  it('reports stops off the network or without a path, and refuses a depot off the network', () => {
    const infinity = Number.POSITIVE_INFINITY;
    const problem = buildRouteProblem(request, [place('Raktár')], ['A', 'B', 'C'].map(place), matrixOf([
      [0, 5, infinity, 6],
      [5, 0, infinity, 7],
      [infinity, infinity, 0, infinity],
      [6, infinity, infinity, 0],
    ], [2]));
    expect(problem.unroutable).toEqual([{ stop: 1, name: 'B', reason: 'off-network' }]);
    expect(problem.clientStops).toEqual([0, 2]);
    const data = createProblemData(problem.input);
    expect(data.distance[1 * 3 + 2]).toBe(7000);
    expect(data.distance[2 * 3 + 1]).toBe(NO_PATH);

    const noWay = buildRouteProblem(request, [place('Raktár')], ['A', 'B', 'C'].map(place), matrixOf([
      [0, 5, 5, infinity],
      [5, 0, 5, 5],
      [5, 5, 0, 5],
      [5, 5, 5, 0],
    ]));
    expect(noWay.unroutable).toEqual([{ stop: 2, name: 'C', reason: 'no-path' }]);
    expect(() => buildRouteProblem(request, [place('Raktár')], ['A', 'B', 'C'].map(place), matrixOf([[0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 0, 1], [1, 1, 1, 0]], [0]))).toThrowError(
      expect.objectContaining({ code: 'DEPOT_UNROUTABLE', message: expect.stringContaining('"Raktár"') }),
    );
  });

  it('drops clients with their rows and columns', () => {
    const problem = buildRouteProblem(request, [place('Raktár')], ['A', 'B', 'C'].map(place), matrixOf([
      [0, 1, 2, 3],
      [1, 0, 4, 5],
      [2, 4, 0, 6],
      [3, 5, 6, 0],
    ]));
    const cut = withoutClients(problem, [1]);
    expect(cut.clientStops).toEqual([0, 2]);
    expect(cut.input.clients.map((client) => client.name)).toEqual(['A', 'C']);
    expect(Array.from(cut.input.distances)).toEqual([0, 1000, 3000, 1000, 0, 5000, 3000, 5000, 0]);
  });
});
