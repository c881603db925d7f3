import { color as parseColor, interpolateBlues, interpolateYlOrRd, quantileSorted, scaleThreshold, schemeSet2 } from 'd3';
import type { Localized } from '$lib/api/contract';
import type { IndicatorCategory, IndicatorMeta, NeedDirection } from './indicator-types';

export type Rgba = [number, number, number, number];

export interface LegendBin {
  color: string;
  /** Inclusive lower bound (the data minimum for the first bin). */
  from: number;
  /** Exclusive upper bound (the data maximum for the last bin). */
  to: number;
}

export interface LegendCategory {
  color: string;
  value: number;
  label: Localized;
}

export type LegendEntries =
  | { kind: 'bins'; bins: LegendBin[] }
  | { kind: 'categories'; categories: LegendCategory[] };

export interface ColorScale {
  /** CSS colour of a value; the no-data colour for a missing value. */
  colorOf(value: number | undefined): string;
  entries: LegendEntries;
  noDataColor: string;
}

export const NO_DATA_COLOR = '#d4d6da';
export const NUMERIC_CLASS_COUNT = 7;

/** Light end and dark end of the sequential ramps: avoids near-white and near-black. */
const RAMP_START = 0.1;
const RAMP_END = 0.92;

/**
 * Need indicators use a warm ramp, descriptive ones a cool ramp. Either way the
 * darkest colour is the end with more need (or, for descriptive ones, the larger value).
 */
function interpolatorFor(needDirection: NeedDirection): (t: number) => string {
  return needDirection === 0 ? interpolateBlues : interpolateYlOrRd;
}

export function sampleRamp(needDirection: NeedDirection, count: number): string[] {
  const interpolate = interpolatorFor(needDirection);
  const colors = Array.from({ length: count }, (_, index) =>
    interpolate(count === 1 ? RAMP_END : RAMP_START + ((RAMP_END - RAMP_START) * index) / (count - 1)),
  );
  // Lower values mean more need: put the dark end at the low values.
  return needDirection === -1 ? colors.reverse() : colors;
}

/**
 * Rounds a class break to few significant figures so the legend stays readable
 * ("1 200", not "1 187,5"); more figures when the data range is narrow for its magnitude.
 */
export function niceBreak(value: number, range: number, magnitude: number): number {
  if (value === 0) return 0;
  const extra = range > 0 && magnitude > 0 ? Math.max(0, Math.ceil(Math.log10(magnitude / range))) : 0;
  const precision = Math.min(6, 2 + extra);
  return Number(value.toPrecision(precision));
}

/** Quantile class breaks of sorted values, rounded and deduplicated. */
export function quantileBreaks(sorted: readonly number[], classCount: number): number[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined || min === max) return [];
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const breaks: number[] = [];
  for (let index = 1; index < classCount; index++) {
    const raw = quantileSorted(sorted as number[], index / classCount);
    if (raw === undefined) continue;
    const rounded = niceBreak(raw, max - min, magnitude);
    if (rounded <= min || rounded > max) continue;
    if (breaks.length && rounded <= (breaks[breaks.length - 1] as number)) continue;
    breaks.push(rounded);
  }
  return breaks;
}

function buildNumericScale(indicator: IndicatorMeta, values: readonly number[]): ColorScale {
  const sorted = values.filter(Number.isFinite).slice().sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;

  // Few distinct values (e.g. one per district): one class per value.
  const breaks =
    distinct.length <= NUMERIC_CLASS_COUNT ? distinct.slice(1) : quantileBreaks(sorted, NUMERIC_CLASS_COUNT);
  const colors = sampleRamp(indicator.needDirection, breaks.length + 1);
  const scale = scaleThreshold<number, string>().domain(breaks).range(colors);

  const bins: LegendBin[] = colors.map((color, index) => ({
    color,
    from: index === 0 ? min : (breaks[index - 1] as number),
    to: index === colors.length - 1 ? max : (breaks[index] as number),
  }));
  if (distinct.length <= NUMERIC_CLASS_COUNT) {
    bins.forEach((bin, index) => {
      bin.from = distinct[index] ?? bin.from;
      bin.to = bin.from;
    });
  }
  return {
    colorOf: (value) => (value === undefined || !Number.isFinite(value) ? NO_DATA_COLOR : scale(value)),
    entries: { kind: 'bins', bins: sorted.length ? bins : [] },
    noDataColor: NO_DATA_COLOR,
  };
}

function buildCategoryScale(indicator: IndicatorMeta, values: readonly number[]): ColorScale {
  const declared = indicator.categories ?? [];
  const categories: IndicatorCategory[] = declared.length
    ? declared.slice()
    : [...new Set(values)].map((value) => ({ value, label: { hu: String(value), en: String(value) } }));
  categories.sort((a, b) => a.value - b.value);

  const colorByValue = new Map<number, string>();
  if (categories.some((category) => category.need !== undefined)) {
    // Explicit need ranks: the ramp runs over the distinct ranks, light (least) to dark (most).
    const ranks = [...new Set(categories.map((category) => category.need ?? 0))].sort((a, b) => a - b);
    const ramp = sampleRamp(1, ranks.length);
    for (const category of categories) colorByValue.set(category.value, ramp[ranks.indexOf(category.need ?? 0)] as string);
  } else if (indicator.needDirection === 0) {
    categories.forEach((category, index) => colorByValue.set(category.value, schemeSet2[index % schemeSet2.length] as string));
  } else {
    const ramp = sampleRamp(indicator.needDirection, categories.length);
    categories.forEach((category, index) => colorByValue.set(category.value, ramp[index] as string));
  }

  return {
    colorOf: (value) => (value === undefined ? NO_DATA_COLOR : (colorByValue.get(value) ?? NO_DATA_COLOR)),
    entries: {
      kind: 'categories',
      categories: categories.map((category) => ({
        color: colorByValue.get(category.value) as string,
        value: category.value,
        label: category.label,
      })),
    },
    noDataColor: NO_DATA_COLOR,
  };
}

/** Colour scale of an indicator for the values currently drawn. */
export function buildColorScale(indicator: IndicatorMeta, values: readonly number[]): ColorScale {
  return indicator.kind === 'category' ? buildCategoryScale(indicator, values) : buildNumericScale(indicator, values);
}

/** CSS colour to a deck.gl RGBA array. */
export function toRgba(cssColor: string, alpha = 255): Rgba {
  const rgb = parseColor(cssColor)?.rgb();
  if (!rgb) return [0, 0, 0, alpha];
  return [Math.round(rgb.r), Math.round(rgb.g), Math.round(rgb.b), alpha];
}
