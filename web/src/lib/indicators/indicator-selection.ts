import type { UnitLevel } from '$lib/api/contract';
import type { IndicatorMeta } from './indicator-types';

export interface IndicatorSelection {
  level: UnitLevel;
  key: string | null;
  year: number | null;
}

export function indicatorsForLevel(catalog: readonly IndicatorMeta[], level: UnitLevel): IndicatorMeta[] {
  return catalog.filter((indicator) => indicator.levels.includes(level));
}

export function latestYear(indicator: IndicatorMeta): number | null {
  return indicator.years.length ? Math.max(...indicator.years) : null;
}

/**
 * Makes a selection valid for the catalog: keeps the indicator if the level has it,
 * otherwise falls back to the first need indicator of the level (then to any);
 * keeps the year if the indicator has it, otherwise takes the latest.
 */
export function resolveSelection(catalog: readonly IndicatorMeta[], wanted: IndicatorSelection): IndicatorSelection {
  const available = indicatorsForLevel(catalog, wanted.level);
  const indicator =
    available.find((candidate) => candidate.key === wanted.key) ??
    available.find((candidate) => candidate.needDirection !== 0) ??
    available[0];
  if (!indicator) return { level: wanted.level, key: null, year: null };
  const year = wanted.year !== null && indicator.years.includes(wanted.year) ? wanted.year : latestYear(indicator);
  return { level: wanted.level, key: indicator.key, year };
}
