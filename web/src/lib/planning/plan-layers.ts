import type { Layer } from '@deck.gl/core';
import { LineLayer } from '@deck.gl/layers';
import type { LonLat } from '$lib/api/contract';
import { createCircleLayer } from '$lib/map/layers/circle-layer';
import { createIconPointLayer } from '$lib/map/layers/icon-point-layer';
import { createLabelLayer } from '$lib/map/layers/label-layer';
import { institutionIcon } from '$lib/org-layers/map-icons';
import type { PlanSite } from '@terep/db/contract';
import { PLAN_LAYER_ID } from './plan-layer-ids';
import type { AssignmentLine, PlanningScene } from './plan-scene';
import { LINE_TO_EXISTING, LINE_TO_NEW, lineOpacity, NEW_SITE_COLOR, SITE_RING } from './plan-style';

/** From this zoom the new sites carry their settlement's name. */
const LABEL_ZOOM = 8;

/** The planning map's deck.gl layers, bottom to top: assignment lines, existing institutions, new sites, their names. */
export function buildPlanLayers(scene: PlanningScene, zoom: number): Layer[] {
  if (scene.sites.length === 0) return [];
  const existing = scene.sites.filter((site) => site.kind === 'existing');
  const proposed = scene.sites.filter((site) => site.kind === 'new');
  const position = (site: PlanSite): LonLat => [site.lon, site.lat];
  const layers: Layer[] = [
    new LineLayer<AssignmentLine>({
      id: PLAN_LAYER_ID.lines,
      data: scene.lines as AssignmentLine[],
      getSourcePosition: (line) => line.from,
      getTargetPosition: (line) => line.to,
      getColor: (line) => (line.toNew ? LINE_TO_NEW : LINE_TO_EXISTING),
      opacity: lineOpacity(scene.lines.length),
      getWidth: zoom >= 9 ? 2 : scene.lines.length > 1000 && zoom < 8 ? 0.8 : 1.2,
      widthUnits: 'pixels',
      pickable: true,
      updateTriggers: { getColor: scene.key },
    }),
    createIconPointLayer<PlanSite>({
      id: PLAN_LAYER_ID.existing,
      data: existing,
      getPosition: position,
      getIcon: () => institutionIcon(scene.serviceType),
      sizePixels: zoom >= 9 ? 26 : 20,
      iconKey: scene.serviceType,
    }),
    createCircleLayer<PlanSite>({
      id: PLAN_LAYER_ID.proposed,
      data: proposed,
      getPosition: position,
      getRadiusPixels: () => (zoom >= 9 ? 11 : 9),
      getFillColor: () => NEW_SITE_COLOR,
      lineColor: SITE_RING,
      lineWidthPixels: 2.5,
      styleKey: `${scene.key}-${zoom >= 9}`,
    }),
  ];
  if (zoom >= LABEL_ZOOM) {
    // About 16 pixels above the disc at any zoom (a degree of latitude is ~111 km; a pixel at zoom 8 here ~420 m).
    const labelLift = 0.06 * 2 ** (LABEL_ZOOM - zoom);
    layers.push(
      createLabelLayer({
        id: PLAN_LAYER_ID.labels,
        labels: proposed.map((site) => ({ code: site.code, text: site.name, position: [site.lon, site.lat + labelLift] as LonLat, weight: site.served.population })),
        sizePixels: 12,
        color: [122, 20, 60, 255],
        haloColor: [255, 255, 255, 230],
      }),
    );
  }
  return layers;
}
