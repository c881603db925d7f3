import type { BoundaryLevelFeature, TileAddress, TileFeature } from '@terep/db';
import { TILE_BUFFER, TILE_EXTENT } from '@terep/db';
import { clipPolygon, type BoundingBox, type Point } from 'lineclip';
import simplify from 'simplify-js';

/**
 * A boundary in Web Mercator world units (0 to 1 from the antimeridian eastwards and from the
 * north edge southwards, as tile numbers run), each ring as [x0, y0, x1, y1, ...], with its box.
 */
export interface ProjectedBoundary {
  id: number;
  properties: Record<string, string | number | null>;
  /** Polygons, each its outer ring then its holes. */
  polygons: Float64Array[][];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** EPSG:3857 as world units: what ST_Transform(geom, 3857) gives, divided by the width of the world. */
function projectRing(ring: readonly [number, number][]): Float64Array {
  const projected = new Float64Array(ring.length * 2);
  for (const [index, [lon, lat]] of ring.entries()) {
    projected[index * 2] = lon / 360 + 0.5;
    projected[index * 2 + 1] = 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  }
  return projected;
}

export function projectBoundary(feature: BoundaryLevelFeature): ProjectedBoundary {
  const polygons = feature.polygons.map((polygon) => polygon.map(projectRing));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    // The outer rings hold the holes: their box is the feature's.
    const outer = polygon[0]!;
    for (let index = 0; index < outer.length; index += 2) {
      minX = Math.min(minX, outer[index]!);
      maxX = Math.max(maxX, outer[index]!);
      minY = Math.min(minY, outer[index + 1]!);
      maxY = Math.max(maxY, outer[index + 1]!);
    }
  }
  return { id: feature.id, properties: feature.properties, polygons, minX, minY, maxX, maxY };
}

/** Twice the signed area in tile coordinates (y down): positive for a ring MVT calls exterior. */
function doubleArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    sum += ring[previous]![0] * ring[index]![1] - ring[index]![0] * ring[previous]![1];
  }
  return sum;
}

/**
 * On the integer grid, without repeated points and points on a straight line between their
 * neighbours (spikes back along the same line included), closed as vt-pbf wants it, oriented as
 * MVT wants (exterior positive); null when nothing with an area is left.
 */
function gridRing(clipped: readonly Point[], exterior: boolean): Point[] | null {
  const snapped: Point[] = [];
  for (const [x, y] of clipped) {
    const point: Point = [Math.round(x), Math.round(y)];
    const last = snapped.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) snapped.push(point);
  }
  // Open the ring (the closing point, and any that rounded onto the first, come off), so each point is there once.
  while (snapped.length > 1 && snapped[0]![0] === snapped.at(-1)![0] && snapped[0]![1] === snapped.at(-1)![1]) snapped.pop();
  // Dropping a point can put its neighbours in line or on top of each other: repeat until none goes.
  let ring = snapped;
  for (let dropped = true; dropped && ring.length >= 3;) {
    dropped = false;
    const kept: Point[] = [];
    for (const [index, point] of ring.entries()) {
      const previous = kept.at(-1) ?? ring.at(-1)!;
      const next = ring[(index + 1) % ring.length]!;
      const cross = (point[0] - previous[0]) * (next[1] - previous[1]) - (point[1] - previous[1]) * (next[0] - previous[0]);
      const repeated = point[0] === previous[0] && point[1] === previous[1];
      if (cross === 0 || repeated) dropped = true;
      else kept.push(point);
    }
    ring = kept;
  }
  if (ring.length < 3) return null;
  const area = doubleArea(ring);
  if (area === 0) return null;
  if (area > 0 !== exterior) ring.reverse();
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

/**
 * The boundaries of one tile, as ST_AsMVTGeom draws them on the server: those whose box touches
 * the tile (the server's `&&` on the tile envelope), in tile units, simplified within half a unit,
 * clipped to the tile and its buffer, on the integer grid; a boundary with nothing left in the tile is not in it. Only
 * `attributeNames` of each boundary's attributes go in. Boundaries come and go in id order.
 */
export function cutTile(boundaries: readonly ProjectedBoundary[], { z, x, y }: TileAddress, attributeNames: readonly string[]): TileFeature[] {
  const tiles = 2 ** z;
  const [left, top, right, bottom] = [x / tiles, y / tiles, (x + 1) / tiles, (y + 1) / tiles];
  const scale = tiles * TILE_EXTENT;
  const clipBox: BoundingBox = [-TILE_BUFFER, -TILE_BUFFER, TILE_EXTENT + TILE_BUFFER, TILE_EXTENT + TILE_BUFFER];
  const features: TileFeature[] = [];
  for (const boundary of boundaries) {
    if (boundary.maxX < left || boundary.minX > right || boundary.maxY < top || boundary.minY > bottom) continue;
    const rings: Point[][] = [];
    for (const polygon of boundary.polygons) {
      for (const [index, projected] of polygon.entries()) {
        const points: { x: number; y: number }[] = [];
        for (let at = 0; at < projected.length; at += 2) points.push({ x: projected[at]! * scale - x * TILE_EXTENT, y: projected[at + 1]! * scale - y * TILE_EXTENT });
        // As ST_AsMVTGeom does first: what lies within half a unit of the line is dropped (a ring left with fewer than
        // three corners is gone), so slivers that would survive as spikes or specks after the clipping go early.
        const simplified = simplify(points, 0.5, true);
        // Then on the grid, and clipped there (where the clip cuts an edge, that point is put on the grid too).
        const ring = simplified.length < 4 ? null : gridRing(clipPolygon(simplified.map((point): Point => [Math.round(point.x), Math.round(point.y)]), clipBox), index === 0);
        // A hole is dropped alone; an outer ring takes its holes with it.
        if (ring) rings.push(ring);
        else if (index === 0) break;
      }
    }
    if (rings.length === 0) continue;
    const properties: TileFeature['properties'] = {};
    for (const name of attributeNames) properties[name] = boundary.properties[name] ?? null;
    features.push({ id: boundary.id, properties, rings });
  }
  return features;
}
