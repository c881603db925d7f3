import type { AreaLevel, GapPlace, GapRow } from '@terep/db';

export interface GapRankingOptions {
  level: AreaLevel;
  /** 1: a higher need value means more need; -1: a lower one does (0 is read as 1). */
  direction: -1 | 0 | 1;
  /** From which need percentile (0–1) a place counts as in high need. */
  highNeedPercentile: number;
  /** A helper whose area lies within this many km of the place reaches it. */
  radiusKm: number;
  /** How many rows to answer. */
  limit: number;
}

/**
 * Ranks places by need against programme presence and helper reach. A place is a gap when its need
 * is high (its percentile, the share of places whose need is no higher, is at least the threshold),
 * no programme's action area covers it and no helper acts within `radiusKm`. A place tied with the least
 * need is never in high need, however many share that value: where most places have no signals at all
 * (need 0), their percentile is high only because of the tie, and calling them neediest would mislead.
 * Gaps come first, each
 * group by need (highest first), then by population (largest first), then by code, so equal inputs
 * always give the same order. Places without a need value are left out.
 */
export function rankGaps(places: readonly GapPlace[], options: GapRankingOptions): GapRow[] {
  const sign = options.direction === -1 ? -1 : 1;
  const measured = places.filter((place): place is GapPlace & { need: number } => place.need !== null && Number.isFinite(place.need));
  const oriented = measured.map((place) => sign * place.need).sort((a, b) => a - b);
  const percentileOf = (value: number) => upperBound(oriented, value) / oriented.length;
  const rows = measured.map((place) => {
    const needPercentile = percentileOf(sign * place.need);
    const highNeed = needPercentile >= options.highNeedPercentile && sign * place.need > oriented[0]!;
    const helperNear = place.nearestHelperKm !== null && place.nearestHelperKm <= options.radiusKm;
    return { place, needPercentile, gap: highNeed && !place.programmePresent && !helperNear };
  });
  rows.sort((a, b) =>
    Number(b.gap) - Number(a.gap)
    || sign * b.place.need - sign * a.place.need
    || b.place.population - a.place.population
    || a.place.code.localeCompare(b.place.code));
  return rows.slice(0, options.limit).map(({ place, needPercentile, gap }, index) => ({
    rank: index + 1,
    level: options.level,
    code: place.code,
    name: place.name,
    countyCode: place.countyCode,
    population: place.population,
    need: place.need,
    needPercentile: Math.round(needPercentile * 1000) / 1000,
    programmePresent: place.programmePresent,
    nearestProgrammeKm: place.nearestProgrammeKm,
    nearestProgramme: place.nearestProgramme,
    helperPresent: place.helperPresent,
    nearestHelperKm: place.nearestHelperKm,
    gap,
    point: place.point,
  }));
}

/** How many of the sorted values are no greater than `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the ranked places are gaps (all of them, not only the rows answered). */
export function countGaps(places: readonly GapPlace[], options: GapRankingOptions): number {
  return rankGaps(places, { ...options, limit: places.length }).filter((row) => row.gap).length;
}
