import { describe, expect, it } from 'vitest';
import { compareSides, defaultSecond, sideFigures } from './indicator-compare';

describe('indicator comparison', () => {
  it('counts, averages and takes the median of the drawn units with a value', () => {
    expect(sideFigures(['a', 'b', 'c', 'd'], { a: 1, b: 2, c: 6 })).toEqual({ units: 3, mean: 3, median: 2 });
    expect(sideFigures(['x'], {})).toEqual({ units: 0, mean: null, median: null });
  });

  it('subtracts means and medians only for one indicator in two years', () => {
    const first = { units: 3, mean: 10, median: 8 };
    const second = { units: 2, mean: 12.5, median: 9 };
    expect(compareSides(first, second, true)).toEqual([
      { stat: 'units', first: 3, second: 2, difference: -1 },
      { stat: 'mean', first: 10, second: 12.5, difference: 2.5 },
      { stat: 'median', first: 8, second: 9, difference: 1 },
    ]);
    expect(compareSides(first, second, false).map((row) => row.difference)).toEqual([-1, null, null]);
  });

  it('opens on the earliest other year, or on the next indicator when there is one year only', () => {
    expect(defaultSecond({ key: 'pop', years: [2011, 2024, 2022] }, 2024, ['pop', 'age'])).toEqual({ key: 'pop', year: 2011 });
    expect(defaultSecond({ key: 'pop', years: [2024] }, 2024, ['pop', 'age'])).toEqual({ key: 'age', year: null });
  });
});
