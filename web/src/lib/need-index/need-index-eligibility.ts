import type { IndicatorMeta } from '$lib/indicators/indicator-types';

/** What a need index may combine: settlement indicators with a need direction (or ranked categories). */
export function indexableIndicators(indicators: readonly IndicatorMeta[]): IndicatorMeta[] {
  return indicators.filter((indicator) => {
    if (!indicator.levels.includes('settlement')) return false;
    if (indicator.kind === 'category') return indicator.categories?.some((category) => category.need !== undefined) ?? false;
    return indicator.needDirection !== 0;
  });
}

/** The dashboard, opened on an indicator at settlement level. */
export function dashboardLinkOf(key: string): string {
  const params = new URLSearchParams({ indicator: key, level: 'settlement' });
  return `/?${params.toString()}`;
}
