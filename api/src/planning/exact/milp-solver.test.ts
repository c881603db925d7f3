import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpkSolver } from './glpk-solver.ts';
import { loadHighsSolver } from './highs-solver.ts';
import { MilpBuilder } from './milp-model.ts';
import type { MilpSolver } from './milp-solver.ts';

/** The contract every MILP adapter meets; each implementation runs the same cases. */
describe.each([
  ['HiGHS', loadHighsSolver],
  ['glpk.js', loadGlpkSolver],
])('MilpSolver: %s', (_, load) => {
  let solver: MilpSolver;
  beforeAll(async () => {
    solver = await load();
  });

  it('solves a small knapsack to optimality (maximise, offset included)', () => {
    const builder = new MilpBuilder('maximize');
    const values = [10, 13, 7, 8];
    const sizes = [5, 6, 4, 3];
    const items = values.map((value, index) => builder.addBinary(`item${index}`, value));
    builder.addRow('size', items, sizes, -Infinity, 10);
    builder.addOffset(100);
    const solution = solver.solve(builder.build());
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(121, 6);
    expect(Array.from(solution.values!).map(Math.round)).toEqual([0, 1, 0, 1]);
    expect(solution.bound).toBeCloseTo(121, 6);
  });

  it('handles continuous columns, equality rows and general integers', () => {
    const builder = new MilpBuilder('minimize');
    const x = builder.addColumn('x', 1, 0, Infinity, true);
    const y = builder.addColumn('y', 2, 0, Infinity);
    builder.addRow('sum', [x, y], [1, 1], 3.5, 3.5);
    builder.addRow('x_at_most', [x], [1], -Infinity, 2.5);
    const solution = solver.solve(builder.build());
    expect(solution.status).toBe('optimal');
    expect(solution.values![x]).toBeCloseTo(2, 6);
    expect(solution.values![y]).toBeCloseTo(1.5, 6);
    expect(solution.objective).toBeCloseTo(5, 6);
  });

  it('reports infeasibility as a status, not an error', () => {
    const builder = new MilpBuilder('minimize');
    const x = builder.addBinary('x', 1);
    const y = builder.addBinary('y', 1);
    builder.addRow('both', [x, y], [1, 1], 3, Infinity);
    expect(solver.solve(builder.build()).status).toBe('infeasible');
  });
});
