import { describe, expect, it } from 'vitest';
import { checkRequest } from './check-request.ts';
import { createLocationInstance } from './location-instance.ts';
import type { PlanRequest } from './plan-request.ts';
import { PlanningError } from './planning-error.ts';

// Two demand points, three candidates on a line: distances |x − y|.
const instance = createLocationInstance({
  demandIds: ['a', 'b'],
  candidateIds: ['x', 'y', 'z'],
  weights: Float64Array.from([5, 7]),
  distances: Float64Array.from([1, 4, 9, 8, 5, 2]),
  fixedOpen: [2],
  capacities: Float64Array.from([3, 4, 6]),
});

function reason(request: PlanRequest): string {
  try {
    checkRequest(instance, request);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanningError);
    expect((error as PlanningError).code).toBe('INFEASIBLE');
    return (error as Error).message;
  }
  return 'accepted';
}

describe('checkRequest', () => {
  it('rejects p above the number of candidates', () => {
    expect(reason({ model: 'pmedian', p: 4 })).toBe('p = 4 exceeds the 3 candidate sites.');
  });

  it('rejects p below the fixed sites it must count', () => {
    const fixedTwice = createLocationInstance({ ...instance, fixedOpen: [0, 2] });
    expect(() => checkRequest(fixedTwice, { model: 'pcenter', p: 1 })).toThrowError('p = 1 counts every open site, but 2 sites are fixed open already.');
  });

  it('rejects a reach some demand point cannot meet under set covering, naming it', () => {
    expect(reason({ model: 'lscp', radius: 1.5 })).toMatch(/1 demand point has no candidate site within reach, e\.g\. b \(nearest candidate z at 2\)/);
  });

  it('rejects capacities below total demand', () => {
    expect(reason({ model: 'pmedian', p: 1, capacitated: true })).toMatch(/hold 6, but the total demand is 12/);
  });

  it('rejects fixed sites that must be filled beyond the total demand', () => {
    const small = createLocationInstance({ ...instance, weights: Float64Array.from([1, 2]) });
    expect(() => checkRequest(small, { model: 'pmedian', p: 2, capacitated: true, fillFixed: true })).toThrowError(/capacity 6 exceeds the total demand 3/);
  });

  it('accepts feasible requests', () => {
    expect(reason({ model: 'pmedian', p: 3, capacitated: true })).toBe('accepted');
    expect(reason({ model: 'lscp', radius: 2 })).toBe('accepted');
    expect(reason({ model: 'mclp', p: 3, radius: 0.5 })).toBe('accepted');
  });
});
