import type { PlanCoverageClass } from '@terep/db/contract';
import type { Rgba } from '$lib/indicators/color-scale';

/**
 * Settlement fills under a plan: deep blue where the plan brings people within reach, light blue
 * where they were already, orange out of reach (blue and orange stay apart for colour-blind
 * readers, as on the coverage map).
 */
export const PLAN_COVERAGE_COLORS: Record<PlanCoverageClass, string> = {
  'newly-covered': 'rgba(33, 102, 172, 0.82)',
  covered: 'rgba(146, 197, 222, 0.8)',
  uncovered: 'rgba(245, 151, 70, 0.6)',
};

/** Settlements on the candidate list before a run. */
export const CANDIDATE_FILL = 'rgba(123, 79, 179, 0.55)';

/** Proposed new sites: a magenta disc with a white ring, unlike any institution icon. */
export const NEW_SITE_COLOR: Rgba = [214, 51, 108, 255];
export const NEW_SITE_CSS = 'rgb(214, 51, 108)';
export const SITE_RING: Rgba = [255, 255, 255, 255];

/** Assignment lines: magenta to new sites, slate to existing ones. */
export const LINE_TO_NEW: Rgba = [214, 51, 108, 150];
export const LINE_TO_EXISTING: Rgba = [51, 65, 85, 120];

/** Thousands of lines (a country-wide plan) would bury the map: fainter the more there are. */
export function lineOpacity(lines: number): number {
  return lines > 1000 ? 0.3 : lines > 300 ? 0.6 : 1;
}
export const LINE_CSS = 'rgba(214, 51, 108, 0.6)';

export function coverageFills(coverage: Record<string, PlanCoverageClass>): Map<string, string> {
  return new Map(Object.entries(coverage).map(([code, kind]) => [code, PLAN_COVERAGE_COLORS[kind]]));
}
