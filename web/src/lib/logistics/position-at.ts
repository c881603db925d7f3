import type { LonLat } from '$lib/api/contract';

/**
 * Where a van is at `time` on a path timed per vertex: interpolated along the segment it is on,
 * at its depot before leaving and after returning.
 */
export function positionAt(path: readonly LonLat[], times: readonly number[], time: number): LonLat | null {
  if (path.length === 0) return null;
  if (time <= times[0]!) return path[0]!;
  const last = path.length - 1;
  if (time >= times[last]!) return path[last]!;
  // Binary search for the segment [low, low + 1] containing the time.
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (times[middle]! <= time) low = middle;
    else high = middle;
  }
  const span = times[high]! - times[low]!;
  const share = span > 0 ? (time - times[low]!) / span : 0;
  const [x0, y0] = path[low]!;
  const [x1, y1] = path[high]!;
  return [x0 + (x1 - x0) * share, y0 + (y1 - y0) * share];
}
