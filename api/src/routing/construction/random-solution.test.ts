import { describe, expect, it } from 'vitest';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import { randomSolution } from './random-solution.ts';

describe('randomSolution', () => {
  it('places every client once on existing vehicles, repeatably for a seed', () => {
    const data = randomProblem(8, { clients: 30, mixedFleet: true, depots: 2 });
    const solution = randomSolution(data, new Rng(5));
    expect(solution).toEqual(randomSolution(data, new Rng(5)));
    expect(solution.routes.length).toBeLessThanOrEqual(data.numVehicles);
    expect(solution.routes.flatMap((route) => route.clients).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index));
    for (const route of solution.routes) expect(data.vehicleTypes[route.vehicleType]).toBeDefined();
  });
});
