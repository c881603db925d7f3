import { describe, expect, it } from 'vitest';
import { randomSolution } from '../construction/random-solution.ts';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import type { Solution } from '../solution.ts';
import { selectiveRouteExchange } from './srex.ts';

const clientsOf = (solution: Solution): number[] => solution.routes.flatMap((route) => route.clients).sort((a, b) => a - b);

describe('selectiveRouteExchange', () => {
  it('gives children without duplicates, missing only clients the exchange left out, with intact routes copied whole', () => {
    const data = randomProblem(9, { clients: 40 });
    const rng = new Rng(2);
    for (let draw = 0; draw < 30; draw += 1) {
      const parentA = randomSolution(data, rng);
      const parentB = randomSolution(data, rng);
      const children = selectiveRouteExchange(data, parentA, parentB, rng);
      const missingCounts = children.map((child) => data.numClients - clientsOf(child.solution).length);
      for (const child of children) {
        const clients = clientsOf(child.solution);
        expect(new Set(clients).size).toBe(clients.length);
        const parentRoutes = [...parentA.routes, ...parentB.routes].map((route) => route.clients.join(','));
        for (const route of child.intact.keys()) expect(parentRoutes).toContain(route.clients.join(','));
      }
      // Both children leave out the same clients: those only A's replaced routes held.
      expect(missingCounts[0]).toBe(missingCounts[1]);
    }
  });

  it('moves at most about maxClients clients worth of routes', () => {
    const data = randomProblem(10, { clients: 60 });
    const rng = new Rng(4);
    const parentA = randomSolution(data, rng);
    const parentB = randomSolution(data, rng);
    for (let draw = 0; draw < 20; draw += 1) {
      const [first] = selectiveRouteExchange(data, parentA, parentB, rng, 1);
      // One route from B at most: every other route is A's, trimmed or whole.
      const fromB = first.solution.routes.filter((route) => [...first.intact.entries()].some(([kept, parent]) => kept === route && parent === 2));
      expect(fromB.length).toBeLessThanOrEqual(1);
    }
  });
});
