import { describe, expect, it } from 'vitest';
import { indicatorsForLevel, resolveSelection } from './indicator-selection';
import type { IndicatorMeta } from './indicator-types';

function indicator(key: string, overrides: Partial<IndicatorMeta> = {}): IndicatorMeta {
  return {
    key,
    title: { hu: key, en: key },
    unit: { hu: '', en: '' },
    kind: 'numeric',
    needDirection: 0,
    levels: ['settlement', 'district', 'county'],
    years: [2024],
    attribution: [],
    ...overrides,
  };
}

const catalog = [
  indicator('population'),
  indicator('change', { needDirection: -1, years: [2011, 2024] }),
  indicator('benefit', { needDirection: 1, levels: ['settlement'] }),
];

describe('resolveSelection', () => {
  it('starts with the first need indicator of the level and its latest year', () => {
    expect(resolveSelection(catalog, { level: 'settlement', key: null, year: null })).toEqual({
      level: 'settlement',
      key: 'change',
      year: 2024,
    });
  });

  it('keeps the indicator and year when the new level has them', () => {
    expect(resolveSelection(catalog, { level: 'county', key: 'change', year: 2011 })).toEqual({
      level: 'county',
      key: 'change',
      year: 2011,
    });
  });

  it('falls back when the level lacks the indicator', () => {
    expect(resolveSelection(catalog, { level: 'county', key: 'benefit', year: 2024 }).key).toBe('change');
  });

  it('selects nothing when the level has no indicator', () => {
    expect(resolveSelection([], { level: 'county', key: 'x', year: 1 })).toEqual({ level: 'county', key: null, year: null });
  });
});

describe('indicatorsForLevel', () => {
  it('lists only the indicators available at the level', () => {
    expect(indicatorsForLevel(catalog, 'district').map((meta) => meta.key)).toEqual(['population', 'change']);
  });
});
