import { describe, expect, it } from 'vitest';
import { formatNumber, formatWait, formatWithUnit } from './format';

describe('formatNumber', () => {
  it('uses the Hungarian format in Hungarian', () => {
    expect(formatNumber(96024, 'hu')).toBe('96\u00a0024');
    expect(formatNumber(12.34, 'hu')).toBe('12,3');
  });

  it('uses a true minus sign for negatives', () => {
    expect(formatNumber(-4.52, 'en')).toBe('\u22124.52');
  });
});

describe('formatWithUnit', () => {
  it('puts a non-breaking space before units but not before %', () => {
    expect(formatWithUnit(561.9, 'fő/km²', 'hu')).toBe('562\u00a0fő/km²');
    expect(formatWithUnit(-4.52, '%', 'hu')).toBe('\u22124,52%');
  });
});

describe('formatWait', () => {
  it('says a wait in minutes from a minute on, rounded up, in either language', () => {
    expect(formatWait(300, 'hu')).toBe('5 perc');
    expect(formatWait(61, 'en')).toBe('2 minutes');
    expect(formatWait(60, 'en')).toBe('1 minute');
    expect(formatWait(30, 'hu')).toBe('30 másodperc');
  });
});
