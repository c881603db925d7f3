import { describe } from 'vitest';
import { itFollowsTheNodeOperatorContract, type ExpectedMove } from './operator-contract.ts';
import { TwoOptStar } from './two-opt-star.ts';

/** The visits after u and the visits after v (all of v's route when v is its start depot) trade routes. */
const twoOptStar: ExpectedMove = (plan, u, v) => {
  if (u.route === v.route) return null;
  const routeU = plan[u.route]!;
  const routeV = plan[v.route]!;
  if (u.index === routeU.length - 1 && v.index === routeV.length - 1) return null;
  const result = plan.map((route) => route.slice());
  result[u.route] = [...routeU.slice(0, u.index + 1), ...routeV.slice(v.index + 1)];
  result[v.route] = [...routeV.slice(0, v.index + 1), ...routeU.slice(u.index + 1)];
  return [result];
};

describe('TwoOptStar', () => {
  itFollowsTheNodeOperatorContract((context) => new TwoOptStar(context), twoOptStar);
});
