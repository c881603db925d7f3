import type { Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { CoverageRequest, CoverageSummary } from './coverage-types';

/** A count that may be withheld: null is "no signal, or fewer than 5", never a number. */
export function withheldCount(value: number | null, locale: Locale): string {
  return value === null ? '–' : formatNumber(value, locale, 0);
}

export function kmText(km: number | null, locale: Locale): string {
  return km === null ? '–' : `${formatNumber(km, locale, km < 10 ? 1 : 0)} km`;
}

/**
 * The distance of a place out of reach, one decimal, rounded up: 20.3 km at a 20 km reach reads "20,4 km", never
 * "20 km", which would look within the (inclusive) reach.
 */
export function outOfReachText(km: number | null, locale: Locale): string {
  return km === null ? '–' : `${formatNumber(Math.ceil(Math.round(km * 1000) / 100) / 10, locale, 1)} km`;
}

/** "15 km" or "20 perc" as the request asked it. */
export function reachText(request: CoverageRequest, locale: Locale, minutesLabel: string): string {
  return request.unit === 'km' ? `${formatNumber(request.reach, locale)} km` : `${formatNumber(request.reach, locale)} ${minutesLabel}`;
}

/** Share of the population covered, 0-1. */
export function coveredShare(summary: CoverageSummary): number {
  const total = summary.covered.population + summary.uncovered.population;
  return total > 0 ? summary.covered.population / total : 0;
}
