import { hsl } from 'd3';
import { describe, expect, it } from 'vitest';
import { buildColorScale, NO_DATA_COLOR, quantileBreaks, toRgba } from './color-scale';
import type { IndicatorMeta } from './indicator-types';

function indicator(overrides: Partial<IndicatorMeta>): IndicatorMeta {
  return {
    key: 'test',
    title: { hu: 'Teszt', en: 'Test' },
    unit: { hu: '%', en: '%' },
    kind: 'numeric',
    needDirection: 1,
    levels: ['settlement'],
    years: [2024],
    attribution: [],
    ...overrides,
  };
}

const lightness = (color: string) => hsl(color).l;
const values = Array.from({ length: 100 }, (_, index) => index - 50);

describe('buildColorScale', () => {
  it('makes higher values darker when higher means more need', () => {
    const scale = buildColorScale(indicator({ needDirection: 1 }), values);
    expect(lightness(scale.colorOf(40))).toBeLessThan(lightness(scale.colorOf(-40)));
  });

  it('makes lower values darker when lower means more need', () => {
    const scale = buildColorScale(indicator({ needDirection: -1 }), values);
    expect(lightness(scale.colorOf(-40))).toBeLessThan(lightness(scale.colorOf(40)));
  });

  it('gives missing values the no-data colour', () => {
    const scale = buildColorScale(indicator({}), values);
    expect(scale.colorOf(undefined)).toBe(NO_DATA_COLOR);
  });

  it('describes every class in the legend, from the minimum to the maximum', () => {
    const scale = buildColorScale(indicator({}), values);
    if (scale.entries.kind !== 'bins') throw new Error('expected bins');
    expect(scale.entries.bins.length).toBe(7);
    expect(scale.entries.bins[0]?.from).toBe(-50);
    expect(scale.entries.bins.at(-1)?.to).toBe(49);
  });

  it('uses one class per value when there are only a few values', () => {
    const scale = buildColorScale(indicator({}), [1, 1, 2, 3, 3, 3]);
    if (scale.entries.kind !== 'bins') throw new Error('expected bins');
    expect(scale.entries.bins.map((bin) => [bin.from, bin.to])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(new Set([1, 2, 3].map((value) => scale.colorOf(value))).size).toBe(3);
  });

  it('orders category colours by explicit need ranks when the server sends them', () => {
    const scale = buildColorScale(
      indicator({
        kind: 'category',
        categories: [
          { value: 1, label: { hu: '1', en: '1' }, need: 1 },
          { value: 9, label: { hu: 'nem', en: 'no' }, need: 0 },
        ],
      }),
      [1, 9],
    );
    expect(lightness(scale.colorOf(9))).toBeGreaterThan(lightness(scale.colorOf(1)));
  });

  it('gives descriptive categories distinct colours', () => {
    const scale = buildColorScale(
      indicator({
        kind: 'category',
        needDirection: 0,
        categories: [
          { value: 0, label: { hu: 'Nincs', en: 'None' } },
          { value: 1, label: { hu: 'Van', en: 'Present' } },
        ],
      }),
      [0, 1],
    );
    expect(scale.colorOf(0)).not.toBe(scale.colorOf(1));
    expect(scale.entries.kind).toBe('categories');
  });
});

describe('quantileBreaks', () => {
  it('rounds breaks and drops duplicates', () => {
    const sorted = [...Array(50).fill(1000), ...Array(50).fill(1001), 5000];
    const breaks = quantileBreaks(sorted, 7);
    expect(new Set(breaks).size).toBe(breaks.length);
    expect(breaks.every((value, index) => index === 0 || value > (breaks[index - 1] as number))).toBe(true);
  });

  it('has no breaks when all values are equal', () => {
    expect(quantileBreaks([3, 3, 3], 7)).toEqual([]);
  });
});

describe('toRgba', () => {
  it('converts a CSS colour to a deck.gl colour', () => {
    expect(toRgba('#ff8000', 200)).toEqual([255, 128, 0, 200]);
  });
});
