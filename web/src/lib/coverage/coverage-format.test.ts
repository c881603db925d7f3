import { describe, expect, it } from 'vitest';
import { coverageDistanceText } from './coverage-format';

describe('coverageDistanceText', () => {
  it('never shows a place out of reach at the reach or below it', () => {
    // 20.3 km used to read "20 km" beside "out of reach" at a 20 km reach.
    expect(coverageDistanceText(20.3, false, 'hu')).toBe('20,3 km');
    expect(coverageDistanceText(20.03, false, 'hu')).toBe('20,1 km');
    expect(coverageDistanceText(20.0004, true, 'hu')).toBe('20 km');
  });

  it('never shows a covered place beyond its reach', () => {
    expect(coverageDistanceText(19.97, true, 'en')).toBe('19.9 km');
    expect(coverageDistanceText(null, true, 'en')).toBe('–');
  });
});
