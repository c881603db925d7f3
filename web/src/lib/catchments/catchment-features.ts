import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { CatchmentResult, WarehouseSite } from './catchment-types';

/** deck.gl layer ids of the catchments (apart from the layers, which load with the map). */
export const CATCHMENT_LAYER_ID = {
  polygons: 'catchment-polygons',
  sites: 'catchment-sites',
  labels: 'catchment-labels',
} as const;

/** A catchment polygon with the index of its warehouse. */
export type CatchmentFeature = Feature<Polygon | MultiPolygon, { site: number; name: string }>;

/** A warehouse as drawn, with its place in the result (for its colour and for dragging). */
export interface DrawnSite {
  index: number;
  site: WarehouseSite;
  /** A planned warehouse, or a stored one the what-if moved. */
  planned: boolean;
}

/** Holes smaller than this are slivers between generalised settlement polygons, not enclaves. */
export const MIN_HOLE_KM2 = 3;

const KM_PER_DEGREE = 111.32;

/** Approximate area of a lon/lat ring in km² (planar, scaled by the cosine of its latitude). */
export function ringAreaKm2(ring: readonly Position[]): number {
  let twiceArea = 0;
  let latitudeSum = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    const [x0 = 0, y0 = 0] = ring[index]!;
    const [x1 = 0, y1 = 0] = ring[index + 1]!;
    twiceArea += x0 * y1 - x1 * y0;
    latitudeSum += y0;
  }
  const meanLatitude = ring.length > 1 ? latitudeSum / (ring.length - 1) : 0;
  return (Math.abs(twiceArea) / 2) * KM_PER_DEGREE ** 2 * Math.cos((meanLatitude * Math.PI) / 180);
}

/**
 * A catchment without the sliver holes its union of generalised settlement polygons leaves
 * (thousands of them: they cost seconds of tessellation and draw as dashes inside the area).
 * Holes of at least `minHoleKm2` (a settlement served by another warehouse) stay.
 */
export function withoutSlivers<G extends Polygon | MultiPolygon>(geometry: G, minHoleKm2 = MIN_HOLE_KM2): G {
  const clean = (rings: Position[][]): Position[][] => rings.filter((ring, index) => index === 0 || ringAreaKm2(ring) >= minHoleKm2);
  return (geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: clean(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(clean) }) as G;
}

export function catchmentFeatures(result: CatchmentResult): CatchmentFeature[] {
  return result.sites.flatMap((entry, site) =>
    entry.geometry ? [{ type: 'Feature' as const, geometry: withoutSlivers(entry.geometry), properties: { site, name: entry.site.name } }] : [],
  );
}
