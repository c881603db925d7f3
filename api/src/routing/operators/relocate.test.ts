import { describe } from 'vitest';
import { itFollowsTheNodeOperatorContract, moveRun, type ExpectedMove } from './operator-contract.ts';
import { Relocate } from './relocate.ts';

/** Client u goes right after v (or first, when v is a start depot). */
const relocate: ExpectedMove = (plan, u, v) => {
  if (u.route === v.route && (v.index === u.index || v.index === u.index - 1)) return null;
  const anchor = v.index < 0 ? null : plan[v.route]![v.index]!;
  return [moveRun(plan, u.route, u.index, 1, v.route, anchor)];
};

describe('Relocate', () => {
  itFollowsTheNodeOperatorContract((context) => new Relocate(context), relocate);
});
