import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { randomSolution } from '../construction/random-solution.ts';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import { Individual } from './individual.ts';

describe('Individual', () => {
  it('agrees with the checker on cost and feasibility', () => {
    const data = randomProblem(14, { clients: 20, timeWindows: true, pickups: true, mixedFleet: true, depots: 2 });
    const rng = new Rng(1);
    let feasibleSeen = 0;
    for (let draw = 0; draw < 200; draw += 1) {
      const solution = randomSolution(data, rng);
      const individual = new Individual(data, solution);
      const report = checkSolution(data, solution);
      const countsFit = !report.violations.some((text) => text.includes('which has only'));
      expect(individual.feasible && countsFit).toBe(report.feasible);
      if (report.feasible) {
        feasibleSeen += 1;
        expect(individual.objective).toBeCloseTo(report.cost, 9);
      }
    }
    expect(feasibleSeen).toBeGreaterThanOrEqual(0);
  });

  it('measures broken pairs: 0 to itself, reversal-blind, positive when neighbours differ', () => {
    const data = randomProblem(15, { clients: 6 });
    const base = new Individual(data, { routes: [{ vehicleType: 0, clients: [0, 1, 2] }, { vehicleType: 0, clients: [3, 4, 5] }] });
    const reversed = new Individual(data, { routes: [{ vehicleType: 0, clients: [2, 1, 0] }, { vehicleType: 0, clients: [5, 4, 3] }] });
    const mixed = new Individual(data, { routes: [{ vehicleType: 0, clients: [0, 4, 2] }, { vehicleType: 0, clients: [3, 1, 5] }] });
    expect(base.distanceTo(base)).toBe(0);
    expect(base.distanceTo(reversed)).toBe(0);
    expect(base.distanceTo(mixed)).toBeGreaterThan(0);
  });

  it('lists the routes that respect capacity and time on their own', () => {
    const data = randomProblem(16, { clients: 10 });
    const small = { vehicleType: 0, clients: [0] };
    const large = { vehicleType: 0, clients: Array.from({ length: 9 }, (_, index) => index + 1) };
    const individual = new Individual(data, { routes: [small, large] });
    expect(individual.excessLoad).toBeGreaterThan(0);
    expect(individual.feasibleRoutes).toEqual([small]);
  });

  it('prices penalties with the weights it is given', () => {
    const data = randomProblem(16, { clients: 10 });
    const overloaded = new Individual(data, { routes: [{ vehicleType: 0, clients: Array.from({ length: 10 }, (_, index) => index) }] });
    expect(overloaded.excessLoad).toBeGreaterThan(0);
    expect(overloaded.feasibleRoutes).toEqual([]);
    expect(overloaded.penalisedCost({ load: 3, timeWarp: 0 })).toBeCloseTo(overloaded.objective + 3 * overloaded.excessLoad, 9);
  });
});
