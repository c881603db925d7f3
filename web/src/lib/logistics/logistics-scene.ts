import type { LonLat } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import type { ThematicScene } from '$lib/map/thematic-map';

export interface DrawnDepot {
  name: string;
  position: LonLat;
}

export interface DrawnStop {
  name: string;
  position: LonLat;
  color: Rgba;
  /** Place in its route, from 1; null before a plan or when it is not served. */
  order: number | null;
  /** Arrival "HH:MM" and route number, when planned. */
  arrival: string | null;
  route: number | null;
  delivery: number;
  unserved: boolean;
}

export interface DrawnRoute {
  index: number;
  name: string;
  path: readonly LonLat[];
  /** Minutes after midnight at each vertex. */
  times: readonly number[];
  color: Rgba;
}

/**
 * What the route map draws, as plain data: depots, stops and routes with their colours, and the
 * playback clock (minutes after midnight) for the moving vans; the layer builder, loaded lazily
 * with deck.gl, turns it into layers.
 */
export interface LogisticsScene extends ThematicScene {
  depots: readonly DrawnDepot[];
  stops: readonly DrawnStop[];
  routes: readonly DrawnRoute[];
  time: number | null;
}

export const EMPTY_LOGISTICS_SCENE: LogisticsScene = { key: 'base', fills: null, depots: [], stops: [], routes: [], time: null };
