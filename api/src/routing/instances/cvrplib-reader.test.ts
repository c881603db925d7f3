import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { parseCvrplib, parseSolutionFile, readCvrplibFile } from './cvrplib-reader.ts';
import { InstanceFormatError } from './instance-format-error.ts';
import { solutionFromLabels } from './sol-writer.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

function formatErrorOf(name: string): InstanceFormatError {
  try {
    readCvrplibFile(fixture(name));
  } catch (error) {
    if (error instanceof InstanceFormatError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('CVRPLIB reader', () => {
  it('reads A-n32-k5: depot first, clients numbered as in its .sol, k from the name, nint distances', () => {
    const instance = readCvrplibFile(fixture('A-n32-k5.vrp'));
    const { data } = instance;
    expect(data.numDepots).toBe(1);
    expect(data.numClients).toBe(31);
    expect(data.vehicleTypes).toMatchObject([{ count: 5, capacity: 100 }]);
    expect(instance.labels[0]).toBe('1');
    expect(data.names[1]).toBe('node 2');
    // Depot (82, 76) to node 2 (96, 44): 34.93 rounds to 35.
    expect(data.distance[0 * data.numLocations + 1]).toBe(35);
  });

  it('accepts the published optimal solution of A-n32-k5 at its published cost', () => {
    const instance = readCvrplibFile(fixture('A-n32-k5.vrp'));
    const parsed = parseSolutionFile(readFileSync(fixture('A-n32-k5.sol'), 'utf8'), 'A-n32-k5.sol');
    const report = checkSolution(instance.data, solutionFromLabels(instance, parsed.routes));
    expect(report.violations).toEqual([]);
    expect(report.cost).toBe(784);
    expect(parsed.cost).toBe(784);
  });

  it('reads an explicit lower-triangle matrix symmetrically', () => {
    const { data } = readCvrplibFile(fixture('lower-row-matrix.vrp'));
    const at = (from: number, to: number): number => data.distance[from * data.numLocations + to]!;
    expect([at(0, 1), at(0, 2), at(1, 2), at(0, 3), at(1, 3), at(2, 3)]).toEqual([5, 7, 3, 9, 6, 2]);
    expect(at(3, 1)).toBe(6);
    expect(data.vehicleTypes[0]!.count).toBe(3);
  });

  it.each([
    ['missing-demand-section.vrp', 12, /DEMAND_SECTION is missing/],
    ['coordinate-row-with-two-values.vrp', 8, /rows have 3 values, this one has 2/],
    ['node-outside-dimension.vrp', 13, /node 4 in DEMAND_SECTION is outside 1\.\.3/],
    ['unknown-keyword.vrp', 5, /unknown keyword CAPACTY/],
    ['depot-section-without-terminator.vrp', 15, /must end with -1/],
  ])('rejects %s with its line number', (name, line, reason) => {
    const error = formatErrorOf(name);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(reason);
    expect(error.message).toMatch(new RegExp(`${name}:${line}: `));
  });

  it('rejects a solution line it does not understand, by line', () => {
    expect(() => parseSolutionFile('Route #1: 1 2\nTotal 5\n', 'bad.sol')).toThrowError(/bad\.sol:2: /);
  });

  it('reads DISTANCE and SERVICE_TIME as a duration limit and service times', () => {
    const text = readFileSync(fixture('lower-row-matrix.vrp'), 'utf8').replace('CAPACITY : 10', 'CAPACITY : 10\nDISTANCE : 30\nSERVICE_TIME : 2');
    const parsed = parseCvrplib(text, 'with-limits.vrp');
    expect(parsed.maxRouteLength).toBe(30);
    expect(parsed.serviceTime).toBe(2);
  });
});
