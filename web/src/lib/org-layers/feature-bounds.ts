import type { Bbox } from '$lib/api/contract';

/** [minLon, minLat, maxLon, maxLat] around the positions, or null when there are none. */
export function boundsOfPositions(positions: readonly (readonly number[])[]): Bbox | null {
  let bounds: Bbox | null = null;
  for (const [lon, lat] of positions) {
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    bounds = bounds
      ? [Math.min(bounds[0], lon), Math.min(bounds[1], lat), Math.max(bounds[2], lon), Math.max(bounds[3], lat)]
      : [lon, lat, lon, lat];
  }
  return bounds;
}
