import { describe, expect, it } from 'vitest';
import { checkSolution } from './checker.ts';
import { readCvrplibFile } from './instances/cvrplib-reader.ts';
import { readSolomonFile } from './instances/solomon-reader.ts';
import { randomProblem } from './random-problem.ts';
import { solve } from './solve.ts';
import { maxIterations, maxRuntime } from './stop.ts';

const fixture = (name: string): string => new URL(`./instances/fixtures/${name}`, import.meta.url).pathname;

describe('solve', () => {
  it('finds the optimum of A-n32-k5 (784, 5 routes) on an iteration budget', () => {
    const { data } = readCvrplibFile(fixture('A-n32-k5.vrp'));
    const result = solve(data, maxIterations(400), 1);
    expect(result.feasible).toBe(true);
    expect(result.cost).toBe(784);
    expect(checkSolution(data, result.solution)).toMatchObject({ feasible: true, cost: 784 });
    expect(result.solution.routes).toHaveLength(5);
  });

  it('gives the same answer for the same seed and iteration budget', () => {
    const data = randomProblem(31, { clients: 40, timeWindows: true, pickups: true });
    const first = solve(data, maxIterations(60), 5);
    const second = solve(data, maxIterations(60), 5);
    expect(second).toEqual(first);
  });

  it('plans a mixed fleet from two depots with windows and pickups, feasibly by the checker', () => {
    const data = randomProblem(32, { clients: 30, depots: 2, timeWindows: true, pickups: true, mixedFleet: true, asymmetric: true });
    const result = solve(data, maxIterations(150), 1);
    const report = checkSolution(data, result.solution);
    expect(result.feasible).toBe(report.feasible);
    if (report.feasible) expect(report.cost).toBeCloseTo(result.cost, 6);
    expect(report.violations.filter((text) => text.includes('not visited') || text.includes('times'))).toEqual([]);
  });

  it('reaches the best known distance of C101 (827.3) with the fleet of the instance', () => {
    const instance = readSolomonFile(fixture('C101.txt'));
    const result = solve(instance.data, maxIterations(150), 1);
    expect(result.feasible).toBe(true);
    expect(result.cost / instance.costScale).toBeCloseTo(827.3, 6);
  });

  it('reads time only through the clock it is given', () => {
    const { data } = readCvrplibFile(fixture('A-n32-k5.vrp'));
    let now = 0;
    // Each reading advances the fake clock 100 ms: a 1 s limit allows about ten readings.
    const result = solve(data, maxRuntime(1, () => (now += 100)), 1);
    expect(now).toBeLessThan(1_300);
    expect(result.iterations).toBeLessThan(10);
  });
});
