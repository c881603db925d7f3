import { describe, expect, it } from 'vitest';
import { formatNumber, formatWithUnit } from './format';

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
