import type { Layer } from '@deck.gl/core';
import { buildCatchmentLayers } from '$lib/catchments/catchment-layers';
import { buildCoverageLayers } from '$lib/coverage/coverage-layers';
import { buildHeatmapLayer } from '$lib/heatmap/heatmap-layer';
import { hexPolygons, type HexPolygon } from '$lib/heatmap/hex-polygons';
import type { HexCell } from '$lib/heatmap/heatmap-types';
import { buildProgrammeLayers } from '$lib/programmes/programme-layers';
import type { AnalysisScene } from './analysis-scene';

/** Zoom from which warehouse names are drawn beside their points. */
const SITE_LABEL_ZOOM = 0;

let hexCache: { cells: readonly HexCell[]; polygons: HexPolygon[] } | null = null;

function polygonsOf(cells: readonly HexCell[]): HexPolygon[] {
  if (hexCache?.cells !== cells) hexCache = { cells, polygons: hexPolygons(cells) };
  return hexCache.polygons;
}

/** The deck.gl layers of a scene, bottom to top: hexagons, programme layers, catchments, points and labels. */
export function buildSceneLayers(scene: AnalysisScene, zoom: number): Layer[] {
  const layers: Layer[] = [];
  if (scene.hexagons) {
    const { cells, measure, scale, styleKey } = scene.hexagons;
    layers.push(buildHeatmapLayer(polygonsOf(cells), measure, scale, styleKey));
  }
  layers.push(...buildProgrammeLayers(scene.programmes));
  if (scene.catchments) {
    layers.push(...buildCatchmentLayers(scene.catchments.features, scene.catchments.sites, { labelled: zoom >= SITE_LABEL_ZOOM }));
  }
  if (scene.institutions) layers.push(...buildCoverageLayers(scene.institutions, zoom));
  return layers;
}
