import { describe, expect, it } from 'vitest';
import { checkSolution } from '../routing/checker.ts';
import { createProblemData } from '../routing/model.ts';
import { scheduleRoute } from './schedule-route.ts';

/** A depot and three stops on a line, 10 time units apart; the second stop opens late. */
const data = createProblemData({
  depots: [{ name: 'depot' }],
  clients: [
    { name: 'first', delivery: 4, serviceDuration: 5 },
    { name: 'second', delivery: 3, pickup: 6, serviceDuration: 5, twEarly: 100, twLate: 120 },
    { name: 'third', delivery: 2, serviceDuration: 5, twEarly: 0, twLate: 200 },
  ],
  vehicleTypes: [{ name: 'van', count: 1, capacity: 20, twEarly: 0, twLate: 300 }],
  distances: Float64Array.from([
    [0, 10, 20, 30],
    [10, 0, 10, 20],
    [20, 10, 0, 10],
    [30, 20, 10, 0],
  ].flat()),
});

describe('scheduleRoute', () => {
  it('leaves as late as the windows allow and agrees with the checker', () => {
    const route = { vehicleType: 0, clients: [0, 1, 2] };
    const schedule = scheduleRoute(data, route);
    const check = checkSolution(data, { routes: [route] });
    expect(check.feasible).toBe(true);
    // Leaving at 0 would wait 75 at "second"; leaving at 75 arrives there at 100 exactly.
    expect(schedule.departure).toBe(75);
    expect(schedule.visits.map((visit) => [visit.arrival, visit.start, visit.departure, visit.loadAfter, visit.distance])).toEqual([
      [85, 85, 90, 5, 10],
      [100, 100, 105, 8, 10],
      [115, 115, 120, 6, 10],
    ]);
    expect(schedule).toMatchObject({ return: 150, loadAtDeparture: 9, maxLoad: 9, distance: 60, distanceBack: 30 });
    expect(schedule.duration).toBe(check.routes[0]!.duration);
    expect(schedule.distance).toBe(check.routes[0]!.distance);
  });

  it('keeps the wait a window forces when departure cannot move', () => {
    const forced = createProblemData({
      depots: [{ name: 'depot', twLate: 1000 }],
      clients: [
        { name: 'early', twEarly: 0, twLate: 15 },
        { name: 'late', twEarly: 100, twLate: 200 },
      ],
      vehicleTypes: [{ name: 'van', count: 1, capacity: 20 }],
      distances: Float64Array.from([0, 10, 20, 10, 0, 10, 20, 10, 0]),
    });
    const schedule = scheduleRoute(forced, { vehicleType: 0, clients: [0, 1] });
    expect(schedule.departure).toBe(5);
    expect(schedule.visits[1]).toMatchObject({ arrival: 25, start: 100 });
    expect(schedule.duration).toBe(checkSolution(forced, { routes: [{ vehicleType: 0, clients: [0, 1] }] }).routes[0]!.duration);
  });
});
