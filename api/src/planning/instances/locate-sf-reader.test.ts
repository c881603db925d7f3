import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSanFrancisco, readSchools } from './locate-sf-reader.ts';

const fixtures = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));

describe('readSanFrancisco', () => {
  it('reads tracts in file order (POP2000 weights), stores in site-file order and the long distance table', () => {
    const instance = readSanFrancisco(fixtures('sf-tiny'));
    expect(instance.demandIds).toEqual(['060816029.00', '060816028.00', '060816017.00']);
    expect(instance.candidateIds).toEqual(['Store_1', 'Store_2']);
    expect(Array.from(instance.weights)).toEqual([100, 200, 300]);
    expect(Array.from(instance.distances)).toEqual([1000.5, 3000, 4000, 2000, 6000, 2500.25]);
    expect(instance.fixedOpen).toEqual([]);
  });
});

describe('readSchools', () => {
  it('reads students (demand 1), schools with Count capacities, priority-1 schools fixed, and 10,000 for missing journeys', () => {
    const instance = readSchools(fixtures('schools-tiny'));
    expect(instance.demandIds).toEqual(['2', '4', '7']);
    expect(instance.candidateIds).toEqual(['S1', 'S2', 'S3']);
    expect(Array.from(instance.capacities!)).toEqual([1, 2, 1]);
    expect(instance.fixedOpen).toEqual([0]);
    expect(Array.from(instance.distances)).toEqual([10, 30, 10000, 5, 20, 40, 10000, 15, 25]);
  });
});
