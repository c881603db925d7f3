import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { randomSolution } from '../construction/random-solution.ts';
import { Individual } from '../hgs/individual.ts';
import { VARIANTS } from '../operators/operator-contract.ts';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import { LocalSearch } from './local-search.ts';
import { computeNeighbours } from './neighbourhood.ts';

const penalties = { load: 20, timeWarp: 2 };
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

describe('LocalSearch', () => {
  for (const variant of VARIANTS) {
    it(`never makes a plan worse, keeps every client once, and stops at a local optimum (${variant.name})`, () => {
      const data = randomProblem(variant.seed, variant.options);
      const rng = new Rng(variant.seed);
      const search = new LocalSearch(data, computeNeighbours(data, { size: 10, weightWaitTime: 0.2, weightTimeWarp: 1 }), rng);
      for (let draw = 0; draw < 10; draw += 1) {
        const start = randomSolution(data, rng);
        const result = search.search(start, penalties);
        const after = new Individual(data, result);
        expect(after.penalisedCost(penalties)).toBeLessThanOrEqual(new Individual(data, start).penalisedCost(penalties) + 1e-9);
        expect(after.penalisedCost(penalties)).toBeCloseTo(search.penalisedCost(), 6);
        expect(sorted(result.routes.flatMap((route) => route.clients))).toEqual(Array.from({ length: data.numClients }, (_, index) => index));
        if (after.feasible) expect(checkSolution(data, result).cost).toBeCloseTo(after.objective, 6);
        const again = new Individual(data, search.search(result, penalties));
        expect(again.penalisedCost(penalties)).toBeCloseTo(after.penalisedCost(penalties), 6);
      }
    });
  }

  it('inserts clients a plan leaves out', () => {
    const data = randomProblem(21, { clients: 30, timeWindows: true });
    const search = new LocalSearch(data, computeNeighbours(data, { size: 10, weightWaitTime: 0.2, weightTimeWarp: 1 }), new Rng(1));
    const partial = { routes: [{ vehicleType: 0, clients: [0, 1, 2] }] };
    const repaired = search.repair(partial, penalties);
    expect(sorted(repaired.routes.flatMap((route) => route.clients))).toEqual(Array.from({ length: 30 }, (_, index) => index));
  });

  it('repeats itself exactly for the same seed', () => {
    const data = randomProblem(22, { clients: 30, pickups: true });
    const run = () => {
      const rng = new Rng(7);
      const search = new LocalSearch(data, computeNeighbours(data, { size: 10, weightWaitTime: 0.2, weightTimeWarp: 1 }), rng);
      return search.search(randomSolution(data, rng), penalties);
    };
    expect(run()).toEqual(run());
  });
});
