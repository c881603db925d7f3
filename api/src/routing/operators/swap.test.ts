import { describe } from 'vitest';
import { itFollowsTheNodeOperatorContract, type ExpectedMove } from './operator-contract.ts';
import { Swap } from './swap.ts';

/** Clients u and v trade places. */
const swap: ExpectedMove = (plan, u, v) => {
  if (v.index < 0 || (u.route === v.route && u.index === v.index)) return null;
  const result = plan.map((route) => route.slice());
  result[u.route]![u.index] = plan[v.route]![v.index]!;
  result[v.route]![v.index] = plan[u.route]![u.index]!;
  return [result];
};

describe('Swap', () => {
  itFollowsTheNodeOperatorContract((context) => new Swap(context), swap);
});
