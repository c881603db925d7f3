import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { readCvrplibFile } from '../instances/cvrplib-reader.ts';
import { randomProblem } from '../random-problem.ts';
import { Rng } from '../rng.ts';
import { computeNeighbours } from '../search/neighbourhood.ts';
import { savingsSolution } from './savings.ts';

const fixture = (name: string): string => new URL(`../instances/fixtures/${name}`, import.meta.url).pathname;

describe('savingsSolution', () => {
  it('builds capacity-feasible routes that visit every client once', () => {
    const { data } = readCvrplibFile(fixture('A-n32-k5.vrp'));
    const solution = savingsSolution(data);
    const report = checkSolution(data, solution);
    expect(report.violations.filter((text) => !text.includes('which has only'))).toEqual([]);
    // Clarke and Wright on A-n32-k5 is within 10% of the optimum (784).
    expect(report.cost).toBeLessThan(784 * 1.1);
  });

  it('keeps every route within the windows when there are windows', () => {
    const data = randomProblem(5, { clients: 30, timeWindows: true });
    const report = checkSolution(data, savingsSolution(data));
    expect(report.violations.filter((text) => !text.includes('which has only'))).toEqual([]);
  });

  it('gives different plans for different draws when noise is added, each covering all clients', () => {
    const data = randomProblem(6, { clients: 40 });
    const neighbours = computeNeighbours(data, { size: 10, weightWaitTime: 0.2, weightTimeWarp: 1 });
    const rng = new Rng(1);
    const first = savingsSolution(data, { neighbours, rng, noise: 0.2 });
    const second = savingsSolution(data, { neighbours, rng, noise: 0.2 });
    expect(first).not.toEqual(second);
    for (const solution of [first, second]) {
      expect(solution.routes.flatMap((route) => route.clients).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index));
    }
  });
});
