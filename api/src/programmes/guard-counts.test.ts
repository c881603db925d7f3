import { describe, expect, it } from 'vitest';
import { guardCount, guardedCell } from './guard-counts.ts';

describe('guardCount', () => {
  it('withholds counts of 1–4 from readers who do not see every county they are drawn from', () => {
    expect(guardCount(3, ['05'], [])).toEqual({ value: null, belowThreshold: true });
    expect(guardCount(3, ['05'], ['02'])).toEqual({ value: null, belowThreshold: true });
    expect(guardCount(3, ['05', '02'], ['05'])).toEqual({ value: null, belowThreshold: true });
    expect(guardCount(3, ['05'], ['05'])).toEqual({ value: 3, belowThreshold: false });
    expect(guardCount(3, ['05', '02'], 'all')).toEqual({ value: 3, belowThreshold: false });
  });

  it('shows zero and counts from 5 up to everyone, and words a withheld count as "<5"', () => {
    expect(guardCount(0, ['05'], [])).toEqual({ value: 0, belowThreshold: false });
    expect(guardCount(5, ['05'], [])).toEqual({ value: 5, belowThreshold: false });
    expect(guardedCell(guardCount(4, ['05'], []))).toBe('<5');
    expect(guardedCell(guardCount(12, ['05'], []))).toBe(12);
  });
});
