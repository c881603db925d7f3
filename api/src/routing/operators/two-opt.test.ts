import { describe } from 'vitest';
import { itFollowsTheNodeOperatorContract, type ExpectedMove } from './operator-contract.ts';
import { TwoOpt } from './two-opt.ts';

/** Within one route, the visits strictly after the earlier of u and v, up to the later one, are reversed. */
const twoOpt: ExpectedMove = (plan, u, v) => {
  if (u.route !== v.route) return null;
  const early = Math.min(u.index, v.index);
  const late = Math.max(u.index, v.index);
  if (late < early + 2) return null;
  const result = plan.map((route) => route.slice());
  const reversed = result[u.route]!.slice(early + 1, late + 1).reverse();
  result[u.route]!.splice(early + 1, late - early, ...reversed);
  return [result];
};

describe('TwoOpt', () => {
  itFollowsTheNodeOperatorContract((context) => new TwoOpt(context), twoOpt);
});
