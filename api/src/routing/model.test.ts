import { describe, expect, it } from 'vitest';
import { createProblemData, ProblemDataError, type ProblemInput } from './model.ts';

function input(overrides: Partial<ProblemInput> = {}): ProblemInput {
  return {
    depots: [{ name: 'warehouse' }],
    clients: [{ name: 'Ózd', delivery: 2 }],
    vehicleTypes: [{ count: 1, capacity: 5 }],
    distances: new Float64Array([0, 1, 1, 0]),
    ...overrides,
  };
}

describe('createProblemData', () => {
  it('lays out depots first, then clients, with defaults filled in', () => {
    const data = createProblemData(input());
    expect(data.names).toEqual(['warehouse', 'Ózd']);
    expect(data.twLate[1]).toBe(Number.POSITIVE_INFINITY);
    expect(data.vehicleTypes[0]).toMatchObject({ startDepot: 0, endDepot: 0, unitDistanceCost: 1, fixedCost: 0, maxDuration: Number.POSITIVE_INFINITY });
    expect(data.duration).toEqual(data.distance);
  });

  it.each([
    [{ clients: [{ name: 'Ózd', twEarly: 50, twLate: 10 }] }, /client "Ózd" window closes \(10\) before it opens \(50\)/],
    [{ clients: [{ name: 'Ózd', delivery: -1 }] }, /client "Ózd" delivery is negative/],
    [{ distances: new Float64Array([0, 1, 1]) }, /3 cells, expected 2x2/],
    [{ distances: new Float64Array([0, -1, 1, 0]) }, /from location 0 to 1 is negative/],
    [{ vehicleTypes: [{ count: 1, capacity: 5, startDepot: 2 }] }, /refers to depot 2, which does not exist/],
    [{ vehicleTypes: [{ count: 0, capacity: 5 }] }, /the fleet has no vehicles/],
    [{ depots: [] }, /at least one depot/],
  ])('rejects bad input, naming what is wrong (%#)', (overrides, message) => {
    expect(() => createProblemData(input(overrides as Partial<ProblemInput>))).toThrowError(ProblemDataError);
    expect(() => createProblemData(input(overrides as Partial<ProblemInput>))).toThrowError(message);
  });
});
