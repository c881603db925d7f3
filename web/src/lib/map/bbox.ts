import type { Bbox } from '$lib/api/contract';

/** Hungary with a margin: the map cannot be panned far beyond it. */
export const HUNGARY_BBOX: Bbox = [16.11, 45.74, 22.9, 48.59];
export const MAX_BOUNDS: Bbox = [13.0, 44.3, 26.0, 50.0];

export function bboxContains(outer: Bbox, inner: Bbox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** Grows a bbox by `ratio` of its size on every side and clamps it to `limit`. */
export function padBbox(bbox: Bbox, ratio: number, limit: Bbox = MAX_BOUNDS): Bbox {
  const padX = (bbox[2] - bbox[0]) * ratio;
  const padY = (bbox[3] - bbox[1]) * ratio;
  return [
    Math.max(limit[0], bbox[0] - padX),
    Math.max(limit[1], bbox[1] - padY),
    Math.min(limit[2], bbox[2] + padX),
    Math.min(limit[3], bbox[3] + padY),
  ];
}
