/** A [lon, lat] vertex. */
export type Vertex = [number, number];

export interface TimedLeg {
  /** The leg's road geometry, at least its two ends. */
  path: readonly Vertex[];
  /** When the van leaves the leg's start and reaches its end (any one time unit). */
  leave: number;
  arrive: number;
}

export interface TimedPath {
  path: Vertex[];
  times: number[];
}

const RADIANS = Math.PI / 180;

/** Length of a short segment on the sphere's local plane: enough to share a leg's time among its vertices. */
function segmentLength(a: Vertex, b: Vertex): number {
  const dx = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * RADIANS);
  const dy = b[1] - a[1];
  return Math.hypot(dx, dy);
}

/**
 * Joins a route's legs into one path with a time at every vertex, for playback: along a leg
 * time grows with the distance covered; where the van stands at a stop, the stop's vertex
 * appears twice (arrival, then departure), so the playback waits there instead of crawling on.
 */
export function joinTimedLegs(legs: readonly TimedLeg[]): TimedPath {
  const path: Vertex[] = [];
  const times: number[] = [];
  for (const leg of legs) {
    const lengths = [0];
    for (let index = 1; index < leg.path.length; index += 1) lengths.push(lengths[index - 1]! + segmentLength(leg.path[index - 1]!, leg.path[index]!));
    const total = lengths[lengths.length - 1]!;
    leg.path.forEach((vertex, index) => {
      const share = total > 0 ? lengths[index]! / total : index / Math.max(1, leg.path.length - 1);
      const time = leg.leave + share * (leg.arrive - leg.leave);
      const last = path.length - 1;
      // The same point at the same time adds nothing.
      if (last >= 0 && path[last]![0] === vertex[0] && path[last]![1] === vertex[1] && times[last] === time) return;
      path.push([vertex[0], vertex[1]]);
      times.push(time);
    });
  }
  return { path, times };
}
