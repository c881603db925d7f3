import { describe, expect, it } from 'vitest';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import { sweepSolution } from './sweep.ts';

describe('sweepSolution', () => {
  it('cuts the sweep into routes within capacity, using no more vehicles than the fleet has', () => {
    const data = randomProblem(7, { clients: 40 });
    const rng = new Rng(3);
    for (let draw = 0; draw < 5; draw += 1) {
      const solution = sweepSolution(data, rng);
      expect(solution.routes.length).toBeLessThanOrEqual(data.numVehicles);
      expect(solution.routes.flatMap((route) => route.clients).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index));
      for (const route of solution.routes.slice(0, -1)) {
        const load = route.clients.reduce((sum, client) => sum + data.delivery[data.numDepots + client]!, 0);
        expect(load).toBeLessThanOrEqual(data.vehicleTypes[route.vehicleType]!.capacity);
      }
    }
  });
});
