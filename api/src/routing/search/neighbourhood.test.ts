import { describe, expect, it } from 'vitest';
import { createProblemData } from '../model.ts';
import { computeNeighbours } from './neighbourhood.ts';

describe('computeNeighbours', () => {
  it('lists the nearest clients first, never the client itself, and nothing for depots', () => {
    const xs = [0, 1, 2, 4, 8];
    const size = xs.length;
    const distances = new Float64Array(size * size);
    for (let from = 0; from < size; from += 1) for (let to = 0; to < size; to += 1) distances[from * size + to] = Math.abs(xs[from]! - xs[to]!);
    const data = createProblemData({ depots: [{ name: 'd' }], clients: xs.slice(1).map((x) => ({ name: `at ${x}`, x })), vehicleTypes: [{ count: 1, capacity: 1 }], distances });
    const lists = computeNeighbours(data, { size: 2, weightWaitTime: 0.2, weightTimeWarp: 1 });
    expect(Array.from(lists[0]!)).toEqual([]);
    expect(Array.from(lists[1]!)).toEqual([2, 3]);
    expect(Array.from(lists[4]!)).toEqual([3, 2]);
  });

  it('ranks a successor lower when visiting it next would be late', () => {
    // B is as close as C to A, but B closes before anyone leaving A could arrive.
    const distances = new Float64Array([0, 5, 5, 5, 5, 0, 5, 5, 5, 5, 0, 6, 5, 5, 6, 0]);
    const data = createProblemData({
      depots: [{ name: 'd' }],
      clients: [{ name: 'A', twEarly: 100, twLate: 120, serviceDuration: 10 }, { name: 'B', twLate: 50 }, { name: 'C' }],
      vehicleTypes: [{ count: 1, capacity: 1 }],
      distances,
    });
    expect(Array.from(computeNeighbours(data, { size: 2, weightWaitTime: 0.2, weightTimeWarp: 1 })[1]!)).toEqual([3, 2]);
  });
});
