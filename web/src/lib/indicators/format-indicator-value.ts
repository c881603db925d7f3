import type { Locale } from '$lib/api/contract';
import { formatWithUnit, pickLocalized } from '$lib/i18n/format';
import type { IndicatorMeta } from './indicator-types';

/** A value as shown to users: the category label, or the number with its unit. */
export function formatIndicatorValue(indicator: IndicatorMeta, value: number, locale: Locale): string {
  if (indicator.kind === 'category') {
    const category = indicator.categories?.find((candidate) => candidate.value === value);
    if (category) return pickLocalized(category.label, locale);
  }
  return formatWithUnit(value, pickLocalized(indicator.unit, locale), locale);
}

/** "fő · 2024": the legend subtitle. */
export function indicatorSubtitle(indicator: IndicatorMeta, year: number | null, locale: Locale): string {
  const unit = indicator.kind === 'numeric' ? pickLocalized(indicator.unit, locale) : '';
  return [unit, year === null ? '' : String(year)].filter(Boolean).join(' · ');
}
