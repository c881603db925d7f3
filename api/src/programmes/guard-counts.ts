import { isSmallCount, SMALL_COUNT_THRESHOLD, type ExactCounties, type GuardedCount } from '@terep/db';

/**
 * A count as this reader may see it: exact from the threshold up, a zero (nothing to identify),
 * and below the threshold only for a reader who sees every county the count is drawn from exactly;
 * else null with `belowThreshold`.
 */
export function guardCount(value: number, counties: readonly string[], exact: ExactCounties): GuardedCount {
  const seesAll = exact === 'all' || (counties.length > 0 && counties.every((county) => exact.includes(county)));
  return value === 0 || seesAll || !isSmallCount(value) ? { value, belowThreshold: false } : { value: null, belowThreshold: true };
}

/** How a guarded count reads in a CSV cell: the number, or "<5". */
export function guardedCell(count: GuardedCount): string | number {
  return count.value === null ? `<${SMALL_COUNT_THRESHOLD}` : count.value;
}
