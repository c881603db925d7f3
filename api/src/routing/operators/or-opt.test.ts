import { describe } from 'vitest';
import { itFollowsTheNodeOperatorContract, moveRun, type ExpectedMove } from './operator-contract.ts';
import { OrOpt } from './or-opt.ts';

/** The run of `length` clients from u goes right after v, in order or reversed. */
function orOpt(length: number): ExpectedMove {
  return (plan, u, v) => {
    const route = plan[u.route]!;
    if (u.index + length > route.length) return null;
    if (u.route === v.route && v.index >= u.index - 1 && v.index <= u.index + length - 1) return null;
    const anchor = v.index < 0 ? null : plan[v.route]![v.index]!;
    return [moveRun(plan, u.route, u.index, length, v.route, anchor), moveRun(plan, u.route, u.index, length, v.route, anchor, true)];
  };
}

describe('OrOpt of two clients', () => {
  itFollowsTheNodeOperatorContract((context) => new OrOpt(context, 2), orOpt(2));
});

describe('OrOpt of three clients', () => {
  itFollowsTheNodeOperatorContract((context) => new OrOpt(context, 3), orOpt(3));
});
