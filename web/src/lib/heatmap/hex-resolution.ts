/**
 * H3 resolution for a map zoom: cells stay a few dozen pixels wide (4 at the country view, 8 in a
 * town). The points are settlements a few km apart, so finer cells only come late.
 */
export function resolutionForZoom(zoom: number): number {
  if (zoom < 6.8) return 4;
  if (zoom < 8.2) return 5;
  if (zoom < 10) return 6;
  if (zoom < 11.5) return 7;
  return 8;
}
