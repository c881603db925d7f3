import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/** A topology whose objects carry no properties (the codes are the geometries' ids). */
type Borders = Topology<Objects<{}>>;

export interface BoundaryGeometry {
  code: string;
  geometry: Polygon | MultiPolygon;
}

export interface SharedBorderOptions {
  /** The map zoom the result is drawn at (512-pixel tiles): weights are measured in its pixels. */
  zoom: number;
  /** Visvalingam weight below which a vertex goes: the area, in square pixels at `zoom`, of the triangle it forms with its neighbours. */
  minArea: number;
}

/**
 * Quantisation of the topology: 10^6 steps over Hungary's extent (about 0.5 m), as in the shipped
 * bundle. Borders that meet within a step become one arc.
 */
const QUANTIZATION = 1e6;

/** Distinct points a ring must keep to stay a polygon (a triangle). */
const RING_POINTS = 3;

/**
 * Simplifies every layer's borders together, each shared border (arc) once: neighbours, and a
 * settlement and its district and county, still meet exactly, with no gap or sliver between them.
 * Vertices are dropped by Visvalingam's effective area in screen pixels at `zoom`; the ends of
 * every arc (where three units meet) stay. A ring that would keep fewer than three points, or less
 * than half its area, keeps more of its most significant ones, so no unit vanishes. Pure and deterministic: the same input gives
 * the same coordinates. The result may self-intersect where two arcs cross; the caller repairs it.
 */
export function generaliseSharedBorders(
  layers: Record<string, readonly BoundaryGeometry[]>,
  { zoom, minArea }: SharedBorderOptions,
): Record<string, BoundaryGeometry[]> {
  const collections = Object.fromEntries(
    Object.entries(layers).map(([name, units]) => [
      name,
      { type: 'FeatureCollection' as const, features: units.map((unit) => ({ type: 'Feature' as const, id: unit.code, properties: {}, geometry: unit.geometry })) },
    ]),
  );
  const weighted = presimplify(topology(collections, QUANTIZATION) as Borders, pixelAreaAt(zoom));
  for (const object of Object.values(weighted.objects)) {
    for (const geometry of (object as GeometryCollection).geometries) {
      const rings = geometry.type === 'Polygon' ? geometry.arcs : geometry.type === 'MultiPolygon' ? geometry.arcs.flat() : [];
      for (const ring of rings) keepRingPoints(weighted, ring, minArea);
    }
  }
  const simplified = simplify(weighted, minArea);
  return Object.fromEntries(
    Object.keys(layers).map((name) => {
      const collection = feature(simplified, simplified.objects[name] as GeometryCollection);
      return [name, collection.features.map((unit) => ({ code: String(unit.id), geometry: unit.geometry as Polygon | MultiPolygon }))];
    }),
  );
}

/** Triangle area in square pixels of Web Mercator at `zoom` (512-pixel tiles), from lon/lat corners. */
function pixelAreaAt(zoom: number): (triangle: [number, number][]) => number {
  const scale = (512 * 2 ** zoom) / 360;
  const x = (lon: number) => lon * scale;
  const y = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180 * scale) / Math.PI;
  return ([a, b, c]) => Math.abs((x(a![0]) - x(c![0])) * (y(b![1]) - y(a![1])) - (x(a![0]) - x(b![0])) * (y(c![1]) - y(a![1]))) / 2;
}

/** Point weights after presimplify: [lon, lat, weight], arc ends Infinity. */
type WeightedPoint = [number, number, number];

/**
 * Raises the weights of a ring's most significant dropped points until it keeps three distinct points
 * and at least this share of its area. Otherwise a small unit could vanish from the tiles: an enclave is
 * one closed arc, a unit between two neighbours two arcs, and only the ends of arcs always stay.
 */
const KEPT_AREA_SHARE = 0.5;

/** The ring's points in order, each arc read in its direction (a negative index is an arc reversed), joints once. */
function ringPoints(weighted: Borders, ring: number[]): WeightedPoint[] {
  return ring.flatMap((index, position) => {
    const arc = weighted.arcs[index < 0 ? ~index : index] as unknown as WeightedPoint[];
    const ordered = index < 0 ? [...arc].reverse() : arc;
    return position === 0 ? ordered : ordered.slice(1);
  });
}

function ringArea(points: readonly WeightedPoint[]): number {
  let twice = 0;
  for (let index = 0; index < points.length; index += 1) {
    const [x1, y1] = points[index]!;
    const [x2, y2] = points[(index + 1) % points.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** The arcs are shared, so the neighbour on the other side of a raised point keeps it too. */
function keepRingPoints(weighted: Borders, ring: number[], minArea: number): void {
  const points = ringPoints(weighted, ring);
  const fullArea = ringArea(points);
  // Highest weight first; ties by position, so the choice does not depend on the order of the arcs.
  const candidates = points.filter((point) => point[2] < minArea).sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  for (const candidate of [...candidates, undefined]) {
    const kept = points.filter((point) => point[2] >= minArea);
    if (new Set(kept.map((point) => `${point[0]},${point[1]}`)).size >= RING_POINTS && ringArea(kept) >= KEPT_AREA_SHARE * fullArea) return;
    if (candidate) candidate[2] = Infinity;
  }
}
