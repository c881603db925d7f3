import { describe, expect, it } from 'vitest';
import { createLocationInstance, selectCandidates } from './location-instance.ts';
import { PlanningError } from './planning-error.ts';

const instance = createLocationInstance({
  demandIds: ['a', 'b'],
  candidateIds: ['x', 'y', 'z'],
  weights: Float64Array.from([1, 2]),
  distances: Float64Array.from([1, 2, 3, 4, 5, 6]),
  fixedOpen: [2],
  capacities: Float64Array.from([7, 8, 9]),
});

describe('createLocationInstance', () => {
  it.each([
    ['a negative distance', { distances: Float64Array.from([1, -2, 3, 4, 5, 6]) }, /Distance from a to y is -2/],
    ['a weight per demand point missing', { weights: Float64Array.from([1]) }, /1 weights for 2 demand points/],
    ['a fixed site that is no candidate', { fixedOpen: [3] }, /Fixed site index 3 is not a candidate/],
    ['a capacity of NaN', { capacities: Float64Array.from([1, NaN, 3]) }, /Candidate y has capacity NaN/],
  ])('rejects %s', (_, change, message) => {
    expect(() => createLocationInstance({ ...instance, ...change })).toThrowError(message);
  });
});

describe('selectCandidates', () => {
  it('keeps the chosen columns in order, with fixed sites and capacities mapped', () => {
    const { instance: short, original } = selectCandidates(instance, [2, 0]);
    expect(original).toEqual([2, 0]);
    expect(short.candidateIds).toEqual(['z', 'x']);
    expect(Array.from(short.distances)).toEqual([3, 1, 6, 4]);
    expect(short.fixedOpen).toEqual([0]);
    expect(Array.from(short.capacities!)).toEqual([9, 7]);
  });

  it('refuses to drop a fixed site', () => {
    expect(() => selectCandidates(instance, [0, 1])).toThrowError(PlanningError);
  });
});
