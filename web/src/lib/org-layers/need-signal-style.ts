import type { Locale } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import { formatNumber } from '../i18n/format';
import type { NeedSignalProperties } from './org-layer-types';

/** What sizes the need-signal circles. */
export type SizeMeasure = 'households' | 'persons';

export const SIZE_MEASURES: readonly SizeMeasure[] = ['households', 'persons'];

/** A count as the map may show it: exact from 5 up, "<5" below, absent when not reported. */
export interface SignalCount {
  measure: SizeMeasure;
  value: number | null;
  belowThreshold: boolean;
}

export const SUPPRESSED_LABEL = '<5';
export const MIN_RADIUS = 8;
export const MAX_RADIUS = 30;

export const NEED_SIGNAL_COLORS = {
  normal: [91, 58, 170, 215] as Rgba,
  urgent: [198, 28, 92, 225] as Rgba,
  outline: [255, 255, 255, 235] as Rgba,
};

function countOf(properties: NeedSignalProperties, measure: SizeMeasure): SignalCount {
  return measure === 'households'
    ? { measure, value: properties.households, belowThreshold: properties.householdsBelowThreshold }
    : { measure, value: properties.persons, belowThreshold: properties.personsBelowThreshold };
}

function isReported(count: SignalCount): boolean {
  return count.value !== null || count.belowThreshold;
}

/** The count in the chosen measure, or in the other one when a settlement only reported that. */
export function signalCount(properties: NeedSignalProperties, measure: SizeMeasure): SignalCount {
  const chosen = countOf(properties, measure);
  if (isReported(chosen)) return chosen;
  const other = countOf(properties, measure === 'households' ? 'persons' : 'households');
  return isReported(other) ? other : chosen;
}

/** "<5" for the small counts (never the number), the number in the UI's format otherwise. */
export function countText(count: Pick<SignalCount, 'value' | 'belowThreshold'>, locale: Locale): string {
  if (count.belowThreshold) return SUPPRESSED_LABEL;
  if (count.value === null) return '–';
  return formatNumber(count.value, locale, 0);
}

/**
 * Circle radius in pixels: area proportional to the count, from MIN_RADIUS (counts below 5 all
 * get it, so the size reveals nothing about them) to MAX_RADIUS for the largest count drawn.
 */
export function radiusScale(counts: readonly SignalCount[]): (count: SignalCount) => number {
  const largest = Math.max(5, ...counts.map((count) => count.value ?? 0));
  const spread = MAX_RADIUS - MIN_RADIUS;
  return (count) => {
    if (count.belowThreshold || count.value === null || count.value <= 5) return MIN_RADIUS;
    return MIN_RADIUS + spread * Math.sqrt((count.value - 5) / Math.max(1, largest - 5));
  };
}

export function signalColor(properties: NeedSignalProperties): Rgba {
  return properties.urgent ? NEED_SIGNAL_COLORS.urgent : NEED_SIGNAL_COLORS.normal;
}
