import { describe, expect, it } from 'vitest';
import { parseSolutionFile, readCvrplibFile } from './cvrplib-reader.ts';
import { formatSolution, solutionFromLabels } from './sol-writer.ts';
import { readSolomonFile } from './solomon-reader.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('.sol writer', () => {
  it('writes routes with the benchmark numbering and the cost in its units, and reads back the same', () => {
    const instance = readCvrplibFile(fixture('lower-row-matrix.vrp'));
    const text = formatSolution(instance, { routes: [{ vehicleType: 0, clients: [2, 0] }, { vehicleType: 0, clients: [] }, { vehicleType: 0, clients: [1] }] }, 21);
    expect(text).toBe('Route #1: 3 1\nRoute #2: 2\nCost 21\n');
    const parsed = parseSolutionFile(text, 'round-trip.sol');
    expect(parsed).toEqual({ routes: [['3', '1'], ['2']], cost: 21 });
    expect(solutionFromLabels(instance, parsed.routes).routes.map((route) => route.clients)).toEqual([[2, 0], [1]]);
  });

  it('keeps one decimal for Solomon costs', () => {
    const instance = readSolomonFile(fixture('three-customers.txt'));
    expect(formatSolution(instance, { routes: [{ vehicleType: 0, clients: [0, 1, 2] }] }, 8273)).toBe('Route #1: 1 2 3\nCost 827.3\n');
  });
});
