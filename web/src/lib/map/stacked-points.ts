import type { LonLat } from '$lib/api/contract';

/** Points closer than this (degrees, about 1 m) stand at one place: a settlement centre shared by several rows. */
const SAME_PLACE = 1e-5;
/** Radius of the ring stacked icons are spread on, in screen pixels: about one icon apart. */
export const SPREAD_RADIUS = 18;

/**
 * Screen offsets that spread points standing at one place (a warehouse and a kitchen both placed
 * at Miskolc's centre) on a small ring around it, so no icon hides another; a lone point keeps
 * [0, 0]. Offsets are in pixels, so the ring keeps its size at every zoom. Keyed by `keyOf`.
 */
export function spreadStackedPoints<T>(points: readonly T[], positionOf: (point: T) => LonLat, keyOf: (point: T) => string): Map<string, [number, number]> {
  const groups = new Map<string, T[]>();
  for (const point of points) {
    const [lon, lat] = positionOf(point);
    const place = `${Math.round(lon / SAME_PLACE)}:${Math.round(lat / SAME_PLACE)}`;
    const group = groups.get(place);
    if (group) group.push(point);
    else groups.set(place, [point]);
  }
  const offsets = new Map<string, [number, number]>();
  for (const group of groups.values()) {
    group.forEach((point, index) => {
      if (group.length === 1) {
        offsets.set(keyOf(point), [0, 0]);
        return;
      }
      // Clockwise from the top, evenly spaced.
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / group.length;
      offsets.set(keyOf(point), [Math.round(SPREAD_RADIUS * Math.cos(angle) * 10) / 10, Math.round(SPREAD_RADIUS * Math.sin(angle) * 10) / 10]);
    });
  }
  return offsets;
}
