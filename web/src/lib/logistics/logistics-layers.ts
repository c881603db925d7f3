import type { Layer } from '@deck.gl/core';
import { TripsLayer } from '@deck.gl/geo-layers';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { LonLat } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import { createCircleLayer } from '$lib/map/layers/circle-layer';
import { createIconPointLayer } from '$lib/map/layers/icon-point-layer';
import { createLabelLayer } from '$lib/map/layers/label-layer';
import { WAREHOUSE_ICON } from '$lib/org-layers/map-icons';
import { LOGISTICS_LAYER_ID } from './logistics-layer-ids';
import type { DrawnDepot, DrawnRoute, DrawnStop, LogisticsScene } from './logistics-scene';
import { positionAt } from './position-at';

/** Minutes of a van's recent way drawn behind it during playback. */
const TRAIL_MINUTES = 45;
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [22, 33, 58, 255];

/** The routes along their paths, wide enough to read at a county's zoom. */
function routeLayer(routes: readonly DrawnRoute[], playing: boolean): PathLayer<DrawnRoute> {
  return new PathLayer<DrawnRoute>({
    id: LOGISTICS_LAYER_ID.routes,
    data: routes as DrawnRoute[],
    getPath: (route) => route.path as LonLat[],
    // Paler during playback, so the vans' bright trails stand out on them.
    getColor: (route) => (playing ? [route.color[0], route.color[1], route.color[2], 90] : route.color),
    updateTriggers: { getColor: playing },
    getWidth: 5,
    widthUnits: 'pixels',
    jointRounded: true,
    capRounded: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
  });
}

/** Playback: each van's last minutes of road drawn bright behind it, up to the clock. */
function tripsLayer(routes: readonly DrawnRoute[], time: number): TripsLayer<DrawnRoute> {
  return new TripsLayer<DrawnRoute>({
    id: LOGISTICS_LAYER_ID.trips,
    data: routes as DrawnRoute[],
    getPath: (route) => route.path as LonLat[],
    getTimestamps: (route) => route.times as number[],
    getColor: (route) => route.color,
    getWidth: 9,
    widthUnits: 'pixels',
    jointRounded: true,
    capRounded: true,
    fadeTrail: true,
    trailLength: TRAIL_MINUTES,
    currentTime: time,
  });
}

function vanLayer(routes: readonly DrawnRoute[], time: number): ScatterplotLayer<{ position: LonLat; color: Rgba }> {
  const vans = routes.flatMap((route) => {
    const position = positionAt(route.path, route.times, time);
    return position ? [{ position, color: route.color }] : [];
  });
  return new ScatterplotLayer<{ position: LonLat; color: Rgba }>({
    id: LOGISTICS_LAYER_ID.vans,
    data: vans,
    getPosition: (van) => van.position,
    getFillColor: (van) => van.color,
    getRadius: 8,
    radiusUnits: 'pixels',
    stroked: true,
    getLineColor: WHITE,
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
  });
}

/** Up to this many stops every name is written beside its stop; more would bury the country view, so they wait for a closer zoom. */
const NAMED_STOPS_AT_ANY_ZOOM = 40;
const NAME_ZOOM = 9;

/** The deck.gl layers of a scene, bottom to top: routes, playback, stops with their order and names, depots. */
export function buildLogisticsLayers(scene: LogisticsScene, zoom: number): Layer[] {
  const layers: Layer[] = [];
  if (scene.routes.length > 0) {
    layers.push(routeLayer(scene.routes, scene.time !== null));
    if (scene.time !== null) layers.push(tripsLayer(scene.routes, scene.time), vanLayer(scene.routes, scene.time));
  }
  layers.push(
    createCircleLayer<DrawnStop>({
      id: LOGISTICS_LAYER_ID.stops,
      data: scene.stops,
      getPosition: (stop) => stop.position,
      getRadiusPixels: (stop) => (stop.order !== null ? 9 : 6),
      getFillColor: (stop) => stop.color,
      lineColor: WHITE,
      lineWidthPixels: 2,
      styleKey: scene.key,
    }),
    createLabelLayer({
      id: LOGISTICS_LAYER_ID.order,
      labels: scene.stops.flatMap((stop) => (stop.order !== null ? [{ code: `${stop.route}:${stop.order}`, text: String(stop.order), position: stop.position, weight: 0 }] : [])),
      sizePixels: 11,
      color: WHITE,
      haloColor: INK,
      fontWeight: 700,
    }),
    createLabelLayer({
      id: LOGISTICS_LAYER_ID.names,
      labels: scene.stops.length <= NAMED_STOPS_AT_ANY_ZOOM || zoom >= NAME_ZOOM
        ? scene.stops.map((stop) => ({ code: `${stop.name}:${stop.position.join(',')}`, text: stop.name, position: stop.position, weight: 0 }))
        : [],
      sizePixels: 11.5,
      color: INK,
      haloColor: WHITE,
      anchor: 'start',
      offsetPixels: [12, 0],
    }),
    createIconPointLayer<DrawnDepot>({
      id: LOGISTICS_LAYER_ID.depots,
      data: scene.depots,
      getPosition: (depot) => depot.position,
      getIcon: () => WAREHOUSE_ICON,
      sizePixels: 26,
    }),
  );
  return layers;
}
