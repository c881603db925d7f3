import type { Locale } from '$lib/api/contract';
import { formatNumber } from '../i18n/format';
import type { CoverageRequest, CoverageSummary } from './coverage-types';

/** A count that may be withheld: null is "no signal, or fewer than 5", never a number. */
export function withheldCount(value: number | null, locale: Locale): string {
  return value === null ? '–' : formatNumber(value, locale, 0);
}

/**
 * A distance beside its coverage verdict, one decimal, rounded towards the verdict: a place out of reach rounds
 * up (20.03 km at a 20 km reach reads "20,1 km", never "20 km", which would look within the inclusive reach),
 * a covered one down (19.97 km at a 19.9 km reach never reads above it). Metres first, as the verdict compares them.
 */
export function coverageDistanceText(km: number | null, covered: boolean, locale: Locale): string {
  if (km === null) return '–';
  const tenths = Math.round(km * 1000) / 100;
  return `${formatNumber((covered ? Math.floor(tenths) : Math.ceil(tenths)) / 10, locale, 1)} km`;
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
