import type { Position } from 'geojson';
import type { LonLat } from '$lib/api/contract';
import type { UnitFeature } from './unit-layer-types';

export interface LabelPoint {
  code: string;
  text: string;
  position: LonLat;
  /** Used to pick which labels show at a zoom (settlement population). */
  weight: number;
}

/** Signed planar area and centroid of a ring (lon/lat treated as plane coordinates). */
function ringCentroid(ring: readonly Position[]): { area: number; centroid: LonLat } | null {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    const [x0 = 0, y0 = 0] = ring[index] as Position;
    const [x1 = 0, y1 = 0] = ring[index + 1] as Position;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return null;
  return { area: Math.abs(twiceArea / 2), centroid: [cx / (3 * twiceArea), cy / (3 * twiceArea)] };
}

/** Label anchor of a unit: the centroid of its largest outer ring. */
export function labelAnchorOf(feature: UnitFeature): LonLat | null {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let best: { area: number; centroid: LonLat } | null = null;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer) continue;
    const candidate = ringCentroid(outer);
    if (candidate && (!best || candidate.area > best.area)) best = candidate;
  }
  return best?.centroid ?? null;
}

export function labelPointsOf(features: readonly UnitFeature[], weightOf: (feature: UnitFeature) => number = () => 0): LabelPoint[] {
  const points: LabelPoint[] = [];
  for (const feature of features) {
    const position = labelAnchorOf(feature);
    if (position) points.push({ code: feature.properties.code, text: feature.properties.name, position, weight: weightOf(feature) });
  }
  return points;
}

/** Smallest settlement population labelled at a zoom: only towns at first, all villages close in. */
export function settlementLabelMinPopulation(zoom: number): number {
  if (zoom < 8) return Number.POSITIVE_INFINITY;
  if (zoom < 9) return 15000;
  if (zoom < 10) return 4000;
  if (zoom < 11) return 1000;
  return 0;
}
