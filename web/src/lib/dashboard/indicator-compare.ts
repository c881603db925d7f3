import { mean, median } from 'd3';

/** Figures of one side of a comparison, over the units drawn. */
export interface SideFigures {
  units: number;
  mean: number | null;
  median: number | null;
}

export type ComparedStat = keyof SideFigures;

export interface StatRow {
  stat: ComparedStat;
  first: number | null;
  second: number | null;
  /** second − first; null when either is missing or the two sides do not subtract (other indicators). */
  difference: number | null;
}

/** Count, mean and median of the values of the drawn units (units without a value are left out). */
export function sideFigures(codes: readonly string[], values: Readonly<Record<string, number>>): SideFigures {
  const present = codes.map((code) => values[code]).filter((value): value is number => value !== undefined);
  return { units: present.length, mean: mean(present) ?? null, median: median(present) ?? null };
}

/**
 * Two sides' figures and their differences. The count always subtracts; means and medians only when
 * both sides measure the same thing (one indicator in two years): a share minus a share is then a
 * difference in percentage points, which the caller words.
 */
export function compareSides(first: SideFigures, second: SideFigures, sameIndicator: boolean): StatRow[] {
  return (['units', 'mean', 'median'] as const).map((stat) => {
    const a = first[stat];
    const b = second[stat];
    const subtracts = stat === 'units' || sameIndicator;
    return { stat, first: a, second: b, difference: a === null || b === null || !subtracts ? null : b - a };
  });
}

/** The second side a comparison opens with: the same indicator's earliest other year, else the next indicator. */
export function defaultSecond(indicator: { key: string; years: readonly number[] }, year: number | null, keys: readonly string[]): { key: string; year: number | null } {
  const otherYears = indicator.years.filter((candidate) => candidate !== year);
  if (otherYears.length > 0) return { key: indicator.key, year: Math.min(...otherYears) };
  const next = keys[(keys.indexOf(indicator.key) + 1) % Math.max(1, keys.length)] ?? indicator.key;
  return { key: next, year: null };
}
