import { describe, expect, it } from 'vitest';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import { Individual } from './individual.ts';
import { Population } from './population.ts';

describe('Population', () => {
  it('trims back to the minimum size after a generation, keeping the best and dropping clones first', () => {
    const data = randomProblem(17, { clients: 15 });
    const rng = new Rng(9);
    const population = new Population({ minimumSize: 4, generationSize: 3, elite: 1, close: 2 }, rng);
    const penalties = { load: 1000, timeWarp: 1 };
    const all: Individual[] = [];
    // One overloaded route each: all in the infeasible subpopulation, so one survivor rule applies.
    const overloaded = () => {
      const clients = Array.from({ length: data.numClients }, (_, index) => index);
      rng.shuffle(clients);
      return { routes: [{ vehicleType: 0, clients }] };
    };
    for (let draw = 0; draw < 7; draw += 1) {
      const individual = new Individual(data, overloaded());
      expect(individual.feasible).toBe(false);
      all.push(individual);
      population.add(individual, penalties);
    }
    expect(population.size).toBe(7);
    const clone = new Individual(data, all[3]!.solution);
    population.add(clone, penalties);
    expect(population.size).toBe(4);
    const best = all.reduce((a, b) => (a.penalisedCost(penalties) <= b.penalisedCost(penalties) ? a : b));
    const parents = new Set(Array.from({ length: 200 }, () => population.selectParent()));
    expect(parents.has(best)).toBe(true);
    expect(parents.has(clone) && parents.has(all[3]!)).toBe(false);
  });
});
