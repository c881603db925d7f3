import { describe, expect, it } from 'vitest';
import { Rng } from './rng.ts';

describe('Rng', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = new Rng(42);
    const second = new Rng(42);
    for (let index = 0; index < 100; index += 1) expect(first.nextUint32()).toBe(second.nextUint32());
  });

  it('gives different sequences for different seeds, including seed 0', () => {
    const zero = Array.from({ length: 8 }, ((rng) => () => rng.nextUint32())(new Rng(0)));
    const one = Array.from({ length: 8 }, ((rng) => () => rng.nextUint32())(new Rng(1)));
    expect(zero).not.toEqual(one);
    expect(new Set(zero).size).toBe(8);
  });

  it('keeps nextInt within its bound and roughly uniform', () => {
    const rng = new Rng(7);
    const counts = new Array<number>(10).fill(0);
    for (let index = 0; index < 100_000; index += 1) {
      const value = rng.nextInt(10);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(10);
      counts[value]! += 1;
    }
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    new Rng(3).shuffle(items);
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(items).not.toEqual(Array.from({ length: 50 }, (_, index) => index));
  });
});
