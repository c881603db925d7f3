/**
 * The server generalises boundaries per zoom bucket (min zooms 0, 8, 10, 12): any zoom
 * inside a bucket returns the same geometry, so the client fetches once per bucket.
 */
export const GENERALISATION_BUCKETS = [0, 8, 10, 12] as const;

export type ZoomBucket = (typeof GENERALISATION_BUCKETS)[number];

export function bucketOf(zoom: number): ZoomBucket {
  let bucket: ZoomBucket = 0;
  for (const candidate of GENERALISATION_BUCKETS) if (Math.floor(zoom) >= candidate) bucket = candidate;
  return bucket;
}

/** The zoom sent to the server for a bucket: the country view (~7) for the lowest one. */
export function requestZoomOf(bucket: ZoomBucket): number {
  return bucket === 0 ? 7 : bucket;
}
