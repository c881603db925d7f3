import { schemeDark2 } from 'd3';
import type { Rgba } from '$lib/indicators/color-scale';
import { toRgba } from '$lib/indicators/color-scale';

/** One colour per route, dark enough to read as a line over the pale land; repeats after eight. */
export function routeColor(index: number): string {
  return schemeDark2[index % schemeDark2.length] ?? '#1b9e77';
}

export function routeRgba(index: number, alpha = 255): Rgba {
  return toRgba(routeColor(index), alpha);
}

/** Stops no van can serve or reach, on the map and in the legend. */
export const UNSERVED_COLOR = '#b42318';
/** Stops before a plan is made. */
export const PENDING_COLOR = '#5d6877';
