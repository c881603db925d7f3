import type { GapPlace } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { countGaps, rankGaps, type GapRankingOptions } from './rank-gaps.ts';

const place = (code: string, need: number | null, population: number, programmePresent: boolean, nearestHelperKm: number | null): GapPlace => ({
  code, name: `Place ${code}`, countyCode: '05', population, need, point: [20, 48],
  programmePresent, nearestProgrammeKm: programmePresent ? 0 : 12.5, nearestProgramme: programmePresent ? { id: 1, name: 'P' } : null,
  helperPresent: nearestHelperKm === 0, nearestHelperKm,
});

/**
 * Six places, worked out by hand. Need values 10, 40, 40, 70, 90 and one without a value:
 * percentiles (share of the five with need ≤ own) A 10 → 1/5 = 0.2, B 40 → 3/5 = 0.6, C 40 → 0.6,
 * D 70 → 0.8, E 90 → 1.0. High need from 0.6, helpers reach within 15 km:
 *   A: need low → no gap.
 *   B: high, no programme, helper at 20 km (> 15) → gap.
 *   C: high, no programme, no helper anywhere → gap.
 *   D: high, but a programme covers it → no gap.
 *   E: highest need, no programme, helper at 15 km (≤ 15, reached) → no gap.
 *   F: no need value → left out.
 * Order: gaps first by need (B and C tie at 40; C has more people), then the rest by need: E, D, A.
 */
const PLACES: GapPlace[] = [
  place('00001', 10, 500, false, null),
  place('00002', 40, 800, false, 20),
  place('00003', 40, 1200, false, null),
  place('00004', 70, 300, true, 3),
  place('00005', 90, 100, false, 15),
  place('00006', null, 9000, false, null),
];
const OPTIONS: GapRankingOptions = { level: 'settlement', direction: 1, highNeedPercentile: 0.6, radiusKm: 15, limit: 10 };

describe('rankGaps', () => {
  it('ranks a hand-computed case: high need, no programme, no helper within the radius first', () => {
    const rows = rankGaps(PLACES, OPTIONS);
    expect(rows.map((row) => [row.rank, row.code, row.needPercentile, row.gap])).toEqual([
      [1, '00003', 0.6, true],
      [2, '00002', 0.6, true],
      [3, '00005', 1, false],
      [4, '00004', 0.8, false],
      [5, '00001', 0.2, false],
    ]);
    expect(countGaps(PLACES, OPTIONS)).toBe(2);
  });

  it('reads a lower value as more need when the indicator says so', () => {
    // Reversed: A (10) is the neediest, percentile 1.0; B and C (40) have four of five values no needier (90, 70, 40, 40): 0.8;
    // D (70) two: 0.4; E (90) one: 0.2. A is now a gap (no programme, no helper); B and C still are.
    const rows = rankGaps(PLACES, { ...OPTIONS, direction: -1 });
    expect(rows.map((row) => [row.code, row.needPercentile, row.gap])).toEqual([
      ['00001', 1, true],
      ['00003', 0.8, true],
      ['00002', 0.8, true],
      ['00004', 0.4, false],
      ['00005', 0.2, false],
    ]);
  });

  it('answers only the first rows and a narrower radius finds more gaps', () => {
    expect(rankGaps(PLACES, { ...OPTIONS, limit: 2 }).map((row) => row.code)).toEqual(['00003', '00002']);
    // With a 10 km radius the helper 15 km from E no longer reaches it.
    expect(countGaps(PLACES, { ...OPTIONS, radiusKm: 10 })).toBe(3);
  });

  it('finds no high need where the places tie at the least need (no signals anywhere), and only above it', () => {
    const none = ['10001', '10002', '10003', '10004', '10005'].map((code) => place(code, 0, 1000, false, null));
    expect(countGaps(none, { ...OPTIONS, highNeedPercentile: 0.8 })).toBe(0);
    // Four of five without signals: their percentile is 0.8 by the tie alone; only the one with signals is a gap.
    const one = [...none.slice(0, 4), place('10005', 2.5, 1000, false, null)];
    expect(rankGaps(one, { ...OPTIONS, highNeedPercentile: 0.8 }).filter((row) => row.gap).map((row) => row.code)).toEqual(['10005']);
  });
});
