import type { CoverageSummary } from './coverage-types';

/** Covered blue, uncovered light orange, the ranked neediest uncovered deep orange: safe for red-green colour blindness. */
export const COVERAGE_COLORS = {
  covered: 'rgba(44, 123, 182, 0.72)',
  uncovered: 'rgba(245, 151, 70, 0.78)',
  neediest: 'rgba(166, 54, 3, 0.88)',
} as const;

export type CoverageClass = keyof typeof COVERAGE_COLORS;

/** The fill of every settlement of a coverage answer, by KSH code. */
export function coverageFills(summary: CoverageSummary): Map<string, string> {
  const ranked = new Set(summary.neediestUncovered.map((place) => place.code));
  const fills = new Map<string, string>();
  for (const [code, reach] of Object.entries(summary.bySettlement)) {
    fills.set(code, COVERAGE_COLORS[reach.covered ? 'covered' : ranked.has(code) ? 'neediest' : 'uncovered']);
  }
  return fills;
}
