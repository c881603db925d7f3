import { describe, expect, it } from 'vitest';
import { spreadStackedPoints } from './stacked-points';

type Point = { key: string; at: [number, number] };
const spread = (points: Point[]) => spreadStackedPoints(points, (point) => point.at, (point) => point.key);

describe('spreadStackedPoints', () => {
  it('leaves lone points where they are', () => {
    const offsets = spread([{ key: 'a', at: [20.78, 48.1] }, { key: 'b', at: [20.8, 48.1] }]);
    expect(offsets.get('a')).toEqual([0, 0]);
    expect(offsets.get('b')).toEqual([0, 0]);
  });

  it('spreads points at one place on a ring, one above the place, none on another', () => {
    const offsets = spread([{ key: 'warehouse', at: [20.7844, 48.1035] }, { key: 'kitchen', at: [20.784400001, 48.1035] }, { key: 'club', at: [20.7844, 48.1035] }]);
    const [first, second, third] = ['warehouse', 'kitchen', 'club'].map((key) => offsets.get(key)!);
    expect(first![0]).toBeCloseTo(0);
    expect(first![1]).toBeLessThan(0);
    const distinct = new Set([first, second, third].map((offset) => offset!.join()));
    expect(distinct.size).toBe(3);
    for (const offset of [first, second, third]) expect(Math.hypot(offset![0], offset![1])).toBeCloseTo(18, 0);
  });
});
