import { describe, expect, it } from 'vitest';
import { checkSolution } from './checker.ts';
import { createProblemData, type ClientInput, type VehicleTypeInput } from './model.ts';

/** Locations on a line (depot at 0): distance and travel time are the gap between positions. */
function lineProblem(positions: number[], clients: Array<Partial<ClientInput>>, vehicleTypes: VehicleTypeInput[], depot: { twEarly?: number; twLate?: number } = {}) {
  const all = [0, ...positions];
  const size = all.length;
  const distances = new Float64Array(size * size);
  for (let from = 0; from < size; from += 1) for (let to = 0; to < size; to += 1) distances[from * size + to] = Math.abs(all[from]! - all[to]!);
  return createProblemData({
    depots: [{ name: 'warehouse', x: 0, y: 0, ...depot }],
    clients: positions.map((x, index) => ({ name: `stop ${index + 1}`, x, y: 0, ...clients[index] })),
    vehicleTypes,
    distances,
  });
}

describe('checkSolution', () => {
  it('recomputes distance, duration and cost of a feasible plan', () => {
    const data = lineProblem([10, 20], [{ delivery: 3, serviceDuration: 2 }, { delivery: 3, serviceDuration: 2 }], [
      { count: 1, capacity: 10, unitDistanceCost: 2, unitDurationCost: 0.5, fixedCost: 100 },
    ]);
    const report = checkSolution(data, { routes: [{ vehicleType: 0, clients: [0, 1] }] });
    expect(report.violations).toEqual([]);
    expect(report.distance).toBe(40);
    expect(report.routes[0]).toMatchObject({ distance: 40, duration: 44, maxLoad: 6 });
    expect(report.cost).toBe(100 + 2 * 40 + 0.5 * 44);
  });

  it('counts only the waiting a window forces: departure moves later when it can', () => {
    // Stop 1 opens at 100, 10 away: leaving at 90 instead of 0 saves 90 of waiting.
    const data = lineProblem([10], [{ twEarly: 100, twLate: 200, serviceDuration: 5 }], [{ count: 1, capacity: 10, maxDuration: 25 }]);
    const report = checkSolution(data, { routes: [{ vehicleType: 0, clients: [0] }] });
    expect(report.violations).toEqual([]);
    expect(report.routes[0]!.duration).toBe(25);
  });

  it('names a late visit, an overloaded route and a late return', () => {
    const data = lineProblem([10, 50], [{ delivery: 8, twLate: 5 }, { delivery: 8 }], [{ count: 1, capacity: 10, twLate: 90 }]);
    const report = checkSolution(data, { routes: [{ vehicleType: 0, clients: [0, 1] }] });
    expect(report.feasible).toBe(false);
    expect(report.violations).toEqual([
      'route 1 carries 16, above its capacity 10',
      'route 1 starts service at "stop 1" at 10, after its window closes at 5',
      'route 1 returns at 100, after the shift or depot closes at 90',
    ]);
    expect(report.violationReasons).toEqual([
      { code: 'over-capacity', params: { route: 1, load: 16, capacity: 10 } },
      { code: 'late-service', params: { route: 1, stop: 'stop 1', at: '10', closes: '5' } },
      { code: 'late-return', params: { route: 1, at: '100', closes: '90' } },
    ]);
  });

  it('follows the load through pickups: the peak, not the totals, must fit', () => {
    // Delivering 6 to stop 1 and collecting 6 at stop 2 never carries more than 6 in this order;
    // collecting first means carrying the 6 still to deliver plus the 6 collected.
    const data = lineProblem([10, 20], [{ delivery: 6 }, { pickup: 6 }], [{ count: 1, capacity: 6 }]);
    expect(checkSolution(data, { routes: [{ vehicleType: 0, clients: [0, 1] }] }).violations).toEqual([]);
    expect(checkSolution(data, { routes: [{ vehicleType: 0, clients: [1, 0] }] }).violations).toEqual(['route 1 carries 12, above its capacity 6']);
  });

  it('reports missing and repeated clients, unknown vehicle types and too many vehicles', () => {
    const data = lineProblem([10, 20, 30], [{}, {}, {}], [{ count: 1, capacity: 10 }]);
    const report = checkSolution(data, {
      routes: [
        { vehicleType: 0, clients: [0] },
        { vehicleType: 0, clients: [0] },
        { vehicleType: 3, clients: [1] },
      ],
    });
    expect(report.violations).toEqual([
      'route 3 uses vehicle type 3, which does not exist',
      '2 routes use vehicle type "vehicle type 1", which has only 1 vehicles',
      'client "stop 1" is visited 2 times',
      '2 clients are not visited: "stop 2", "stop 3"',
    ]);
  });

  it('reports a route longer than the vehicle may drive', () => {
    const data = lineProblem([30], [{}], [{ count: 1, capacity: 10, maxDuration: 50 }]);
    expect(checkSolution(data, { routes: [{ vehicleType: 0, clients: [0] }] }).violations).toEqual(['route 1 lasts 60, above the maximum 50']);
  });
});

describe('checkSolution duration', () => {
  it('lets a stop\'s own waiting absorb a later departure', () => {
    // Stop 1 (at 10) opens at 100 and closes at 105: leaving at 0 means arriving at 10 and waiting
    // 90; leaving at 90 is still on time. Stop 2 follows with no window.
    const data = lineProblem([10, 20], [{ twEarly: 100, twLate: 105 }, {}], [{ count: 1, capacity: 10 }]);
    const report = checkSolution(data, { routes: [{ vehicleType: 0, clients: [0, 1] }] });
    expect(report.violations).toEqual([]);
    expect(report.routes[0]!.duration).toBe(40);
  });
});
