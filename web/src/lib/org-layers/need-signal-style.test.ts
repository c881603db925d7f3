import { describe, expect, it } from 'vitest';
import { countText, MAX_RADIUS, MIN_RADIUS, radiusScale, signalCount } from './need-signal-style';
import type { NeedSignalProperties } from './org-layer-types';

function signal(patch: Partial<NeedSignalProperties>): NeedSignalProperties {
  return {
    settlementCode: '03939', name: 'Cigánd', households: null, householdsBelowThreshold: false, persons: null,
    personsBelowThreshold: false, categories: ['food'], urgent: false, latest: '2025-01-09', ...patch,
  };
}

describe('countText', () => {
  it('shows counts below 5 as "<5", never as a number', () => {
    expect(countText(signalCount(signal({ householdsBelowThreshold: true }), 'households'), 'hu')).toBe('<5');
    expect(countText(signalCount(signal({ households: 12500 }), 'households'), 'hu')).toBe('12\u00a0500');
    expect(countText(signalCount(signal({}), 'households'), 'hu')).toBe('–');
  });
});

describe('signalCount', () => {
  it('falls back to the other measure when a settlement only reported that', () => {
    expect(signalCount(signal({ persons: 22 }), 'households')).toEqual({ measure: 'persons', value: 22, belowThreshold: false });
    expect(signalCount(signal({ households: 3, persons: 22 }), 'households').measure).toBe('households');
    expect(signalCount(signal({ personsBelowThreshold: true }), 'households')).toMatchObject({ measure: 'persons', belowThreshold: true });
  });
});

describe('radiusScale', () => {
  const counts = [
    signalCount(signal({ householdsBelowThreshold: true }), 'households'),
    signalCount(signal({ households: 5 }), 'households'),
    signalCount(signal({ households: 30 }), 'households'),
    signalCount(signal({ households: 150 }), 'households'),
  ];
  const radius = radiusScale(counts);

  it('draws every small count alike, so the size reveals nothing', () => {
    expect(counts.slice(0, 2).map(radius)).toEqual([MIN_RADIUS, MIN_RADIUS]);
  });

  it('grows with the count up to the largest one drawn', () => {
    const [, , middle, largest] = counts.map(radius);
    expect(middle).toBeGreaterThan(MIN_RADIUS);
    expect(middle).toBeLessThan(MAX_RADIUS);
    expect(largest).toBe(MAX_RADIUS);
  });
});
