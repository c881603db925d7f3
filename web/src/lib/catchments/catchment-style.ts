import { schemeTableau10 } from 'd3';
import type { Rgba } from '$lib/indicators/color-scale';
import { toRgba } from '$lib/indicators/color-scale';

/** One colour per warehouse, in site order; repeats after ten (rare for county warehouses). */
export function siteColor(index: number): string {
  return schemeTableau10[index % schemeTableau10.length] ?? '#4e79a7';
}

export function siteRgba(index: number, alpha = 255): Rgba {
  return toRgba(siteColor(index), alpha);
}

/**
 * Settlements a what-if moves to another warehouse: a dark fill under the catchments, so they
 * show as a darker shade of their new warehouse's colour.
 */
export const MOVED_COLOR = 'rgba(22, 33, 58, 0.5)';

export function movedFills(moved: readonly { code: string }[]): Map<string, string> {
  return new Map(moved.map(({ code }) => [code, MOVED_COLOR]));
}
