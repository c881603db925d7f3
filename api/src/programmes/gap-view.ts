import { gapNeed, loadGapPlaces, type AreaLevel, type Engine, type GapAnswer } from '@terep/db';
import { countGaps, rankGaps } from '../gaps/rank-gaps.ts';
import { ApiError } from '../http/api-error.ts';

export interface GapQuery {
  level: AreaLevel;
  need: string;
  radiusKm: number;
  highNeedPercentile: number;
  limit: number;
}

/** The gap view: places ranked by need against programme presence and helper reach (the ranking in api/src/gaps/rank-gaps.ts). */
export async function gapView(engine: Engine, query: GapQuery): Promise<GapAnswer> {
  const need = await gapNeed(engine.db, query.need, query.level);
  if (!need) throw new ApiError(400, 'UNKNOWN_NEED_INDICATOR', `"${query.need}" is neither a numeric indicator with values nor need_signals.`, { need: query.need });
  const places = await loadGapPlaces(engine.db, query.level, need);
  const options = { level: query.level, direction: need.direction, highNeedPercentile: query.highNeedPercentile, radiusKm: query.radiusKm, limit: query.limit };
  return {
    level: query.level,
    need: { key: need.key, title: need.title, year: need.year },
    radiusKm: query.radiusKm,
    highNeedPercentile: query.highNeedPercentile,
    considered: places.filter((place) => place.need !== null).length,
    gapCount: countGaps(places, options),
    rows: rankGaps(places, options),
  };
}
