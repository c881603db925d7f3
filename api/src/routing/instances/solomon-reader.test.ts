import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { parseSolutionFile } from './cvrplib-reader.ts';
import { InstanceFormatError } from './instance-format-error.ts';
import { formatCost, solutionFromLabels } from './sol-writer.ts';
import { readSolomonFile } from './solomon-reader.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('Solomon reader', () => {
  it('scales times by 10 and truncates distances to one decimal (DIMACS convention)', () => {
    const instance = readSolomonFile(fixture('three-customers.txt'));
    const { data } = instance;
    const at = (from: number, to: number): number => data.distance[from * data.numLocations + to]!;
    expect(at(0, 1)).toBe(50); // 5.0
    expect(at(0, 2)).toBe(14); // sqrt(2) = 1.414 -> 1.4
    expect(at(0, 3)).toBe(72); // sqrt(53) = 7.280 -> 7.2
    expect(data.duration).toEqual(data.distance);
    expect([data.twEarly[2], data.twLate[2], data.serviceDuration[2]]).toEqual([500, 2000, 100]);
    expect(data.vehicleTypes).toMatchObject([{ count: 2, capacity: 10 }]);
    expect(instance.costScale).toBe(10);
    expect(instance.labels).toEqual(['1', '2', '3']);
  });

  it('accepts the best known solution of C101 at its published distance', () => {
    const instance = readSolomonFile(fixture('C101.txt'));
    const parsed = parseSolutionFile(readFileSync(fixture('C101.sol'), 'utf8'), 'C101.sol');
    const report = checkSolution(instance.data, solutionFromLabels(instance, parsed.routes));
    expect(report.violations).toEqual([]);
    expect(formatCost(instance, report.cost)).toBe('827.3');
  });

  it.each([
    ['window-closes-before-it-opens.txt', 11, /ready at 300, after its due date 100/],
    ['customer-out-of-sequence.txt', 12, /customer number 3 out of sequence: expected 2/],
    ['vehicle-line-missing-capacity.txt', 5, /needs 2 values, this line has 1/],
  ])('rejects %s with its line number', (name, line, reason) => {
    let caught: unknown;
    try {
      readSolomonFile(fixture(name));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InstanceFormatError);
    expect((caught as InstanceFormatError).line).toBe(line);
    expect((caught as InstanceFormatError).reason).toMatch(reason);
  });
});
