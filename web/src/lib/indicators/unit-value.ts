import type { Locale } from '$lib/api/contract';
import { formatIndicatorValue } from './format-indicator-value';
import type { IndicatorMeta, IndicatorValues } from './indicator-types';

/** The value of one unit as text, or `noData` when it has none. */
export function unitValueText(
  indicator: IndicatorMeta | null,
  values: IndicatorValues | null,
  code: string,
  locale: Locale,
  noData: string,
): string | null {
  if (!indicator || !values) return null;
  const value = values.values[code];
  return value === undefined ? noData : formatIndicatorValue(indicator, value, locale);
}
