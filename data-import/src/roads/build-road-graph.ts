import type { RoadEdgeRow, RoadNodeRow } from '@terep/db';
import { largestStrongComponent } from './largest-strong-component.ts';
import type { RoadSource } from './road-source.ts';

export interface RoadGraph {
  /** Node i has id i + 1. */
  nodes: RoadNodeRow[];
  edges: RoadEdgeRow[];
  routableNodes: number;
  lengthKm: number;
  bbox: [number, number, number, number];
}

const EARTH_RADIUS_M = 6371008.8;
const RADIANS = Math.PI / 180;

/**
 * Builds the routable graph: nodes only where a road ends or meets another
 * (a point used by several ways, or twice by one), edges between them with the
 * intermediate vertices kept as their geometry. Lengths are great-circle metres
 * along the vertices; costs are seconds at the way's speed, -1 against a one-way.
 */
export function buildRoadGraph(source: RoadSource): RoadGraph {
  const pointCount = source.lon.length;
  const uses = new Uint8Array(pointCount);
  const isEnd = new Uint8Array(pointCount);
  for (const way of source.ways) {
    way.points.forEach((point, position) => {
      if (position > 0 && way.points[position - 1] === point) return;
      uses[point] = Math.min(uses[point]! + 1, 2);
    });
    isEnd[way.points[0]!] = 1;
    isEnd[way.points[way.points.length - 1]!] = 1;
  }

  const nodeOfPoint = new Int32Array(pointCount).fill(-1);
  const nodePoints: number[] = [];
  const nodeOf = (point: number): number => {
    if (nodeOfPoint[point] === -1) nodeOfPoint[point] = nodePoints.push(point) - 1;
    return nodeOfPoint[point]!;
  };

  const edges: RoadEdgeRow[] = [];
  for (const way of source.ways) {
    let coordinates: number[] = [];
    let lengthM = 0;
    let startNode = -1;
    let previous = -1;
    for (const point of way.points) {
      if (point === previous) continue;
      if (previous !== -1) lengthM += segmentLength(source, previous, point);
      coordinates.push(source.lon[point]!, source.lat[point]!);
      previous = point;
      if (!(isEnd[point] || uses[point]! > 1)) continue;
      const node = nodeOf(point);
      // A road that comes back to where it started is never part of a shortest path.
      if (startNode !== -1 && startNode !== node) {
        const secondsPerMetre = 3.6 / way.road.speedKmh;
        const seconds = lengthM * secondsPerMetre;
        edges.push({
          source: startNode + 1,
          target: node + 1,
          osmWayId: way.osmWayId,
          highway: way.road.highway,
          name: way.name,
          speedKmh: way.road.speedKmh,
          maxspeed: way.road.maxspeed,
          oneway: way.road.oneway,
          lengthM,
          costS: way.road.oneway === -1 ? -1 : seconds,
          reverseCostS: way.road.oneway === 1 ? -1 : seconds,
          coordinates,
        });
      }
      startNode = node;
      lengthM = 0;
      coordinates = [source.lon[point]!, source.lat[point]!];
    }
  }

  const arcsFrom: number[] = [];
  const arcsTo: number[] = [];
  for (const edge of edges) {
    if (edge.costS >= 0) {
      arcsFrom.push(edge.source - 1);
      arcsTo.push(edge.target - 1);
    }
    if (edge.reverseCostS >= 0) {
      arcsFrom.push(edge.target - 1);
      arcsTo.push(edge.source - 1);
    }
  }
  const routable = largestStrongComponent(nodePoints.length, Int32Array.from(arcsFrom), Int32Array.from(arcsTo));
  const nodes = nodePoints.map((point, node) => ({ lon: source.lon[point]!, lat: source.lat[point]!, routable: routable[node] === 1 }));
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    bbox[0] = Math.min(bbox[0], node.lon);
    bbox[1] = Math.min(bbox[1], node.lat);
    bbox[2] = Math.max(bbox[2], node.lon);
    bbox[3] = Math.max(bbox[3], node.lat);
  }
  return {
    nodes,
    edges,
    routableNodes: routable.reduce((sum, mark) => sum + mark, 0),
    lengthKm: edges.reduce((sum, edge) => sum + edge.lengthM, 0) / 1000,
    bbox,
  };
}

function segmentLength(source: RoadSource, from: number, to: number): number {
  const lat1 = source.lat[from]! * RADIANS;
  const lat2 = source.lat[to]! * RADIANS;
  const sinLat = Math.sin((lat2 - lat1) / 2);
  const sinLon = Math.sin(((source.lon[to]! - source.lon[from]!) * RADIANS) / 2);
  const h = sinLat * sinLat + Math.cos(lat1) * Math.cos(lat2) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
