import { describe, expect, it } from 'vitest';
import { arrange } from '../operators/operator-contract.ts';
import { createProblemData } from '../model.ts';
import { RouteBuilder } from './route-builder.ts';

describe('RouteBuilder and route segment data', () => {
  // A line: depot at 0, stops at 10, 20, 30; stop 2 opens late, so the route must wait or leave later.
  const xs = [0, 10, 20, 30];
  const size = xs.length;
  const distances = new Float64Array(size * size);
  for (let from = 0; from < size; from += 1) for (let to = 0; to < size; to += 1) distances[from * size + to] = Math.abs(xs[from]! - xs[to]!);
  const data = createProblemData({
    depots: [{ name: 'depot' }],
    clients: [
      { name: 'a', delivery: 4, serviceDuration: 5 },
      { name: 'b', delivery: 2, pickup: 7, serviceDuration: 5, twEarly: 100, twLate: 110 },
      { name: 'c', delivery: 3, serviceDuration: 5, twLate: 60 },
    ],
    vehicleTypes: [{ count: 2, capacity: 10 }],
    distances,
  });
  const penalties = { load: 100, timeWarp: 1 };

  it('gives each visit the data of the route up to it and from it', () => {
    const { routes } = arrange(data, penalties, [[1, 2, 3], []]);
    const route = routes[0]!;
    // Leave at 75: a at 85-90, b at 100-105, c at 115: 55 late (time warp), back at 150.
    expect(route.distance).toBe(60);
    expect(route.timeWarp).toBe(55);
    expect(route.duration).toBe(75);
    // Load: 9 leaves the depot; after a 5, after b 5 - 2 + 7 = 10, after c 7.
    expect(route.load).toBe(10);
    expect(route.cost).toBeCloseTo(60 + 55, 9);
  });

  it('concatenates prefix, visits and suffix into the same numbers as the whole route', () => {
    const { routes } = arrange(data, penalties, [[3, 1, 2], []]);
    const route = routes[0]!;
    const builder = new RouteBuilder(data, penalties);
    builder.startPrefix(route.nodes[1]!).appendClient(1).appendSuffix(route.nodes[3]!);
    expect(builder.cost(route.type)).toBeCloseTo(route.cost, 9);
    const reversed = new RouteBuilder(data, penalties).startPrefix(route.start).appendRangeReversed(route, 1, 3).appendSuffix(route.end);
    const { routes: expected } = arrange(data, penalties, [[2, 1, 3], []]);
    expect(reversed.cost(route.type)).toBeCloseTo(expected[0]!.cost, 9);
    expect(reversed.distance).toBe(expected[0]!.distance);
  });

  it('charges nothing for an empty route', () => {
    const { routes } = arrange(data, penalties, [[1], []]);
    expect(routes[1]!.cost).toBe(0);
    expect(new RouteBuilder(data, penalties).startPrefix(routes[0]!.start).appendSuffix(routes[0]!.nodes[2]!).cost(routes[0]!.type)).toBe(0);
  });
});
