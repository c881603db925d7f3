import { describe, expect, it } from 'vitest';
import { firstOf, maxIterations, maxRuntime, noImprovement } from './stop.ts';

describe('stopping criteria', () => {
  it('maxIterations allows exactly the budget', () => {
    const stop = maxIterations(3);
    expect([1, 2, 3, 4].map(() => stop.shouldStop(0))).toEqual([false, false, false, true]);
  });

  it('maxRuntime reads only the clock it is given', () => {
    let now = 1_000;
    const stop = maxRuntime(2, () => now);
    expect(stop.shouldStop(0)).toBe(false);
    now = 2_999;
    expect(stop.shouldStop(0)).toBe(false);
    now = 3_000;
    expect(stop.shouldStop(0)).toBe(true);
  });

  it('noImprovement counts iterations since the best cost last fell', () => {
    const stop = noImprovement(2);
    expect(stop.shouldStop(10)).toBe(false);
    expect(stop.shouldStop(10)).toBe(false);
    expect(stop.shouldStop(9)).toBe(false);
    expect(stop.shouldStop(9)).toBe(false);
    expect(stop.shouldStop(9)).toBe(true);
  });

  it('firstOf stops when any criterion does', () => {
    const stop = firstOf(maxIterations(5), noImprovement(2));
    expect([7, 7, 7].map((cost) => stop.shouldStop(cost))).toEqual([false, false, true]);
  });
});
