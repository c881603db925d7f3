import { NEED_SIGNAL_COMPONENT } from '@terep/db/contract';
import type { IndicatorMeta } from '$lib/indicators/indicator-types';
import { NEED_CATEGORIES, type NeedCategory } from '$lib/org-layers/need-signal-vocabulary';

/** The need-signal components a need index may take: all signals, then each category (per 1,000 residents). */
export const SIGNAL_COMPONENT_KEYS: readonly string[] = [NEED_SIGNAL_COMPONENT, ...NEED_CATEGORIES.map((category) => `${NEED_SIGNAL_COMPONENT}:${category}`)];

/** The category a signal component counts (null: every category), or undefined for an indicator's key. */
export function signalComponentCategory(key: string): NeedCategory | null | undefined {
  if (key === NEED_SIGNAL_COMPONENT) return null;
  return NEED_CATEGORIES.find((category) => key === `${NEED_SIGNAL_COMPONENT}:${category}`);
}

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
