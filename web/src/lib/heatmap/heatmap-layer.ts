import type { Layer } from '@deck.gl/core';
import { PolygonLayer } from '@deck.gl/layers';
import type { ColorScale } from '$lib/indicators/color-scale';
import { toRgba } from '$lib/indicators/color-scale';
import { HEATMAP_LAYER_ID } from './heatmap-layer-ids';
import type { HexMeasure } from './heatmap-types';
import type { HexPolygon } from './hex-polygons';
import { cellValue, WITHHELD_COLOR } from './hex-scale';


/** H3 cells as filled hexagons with a thin white edge, pickable for their figures. */
export function buildHeatmapLayer(polygons: readonly HexPolygon[], measure: HexMeasure, scale: ColorScale, styleKey: string): Layer {
  const withheld = toRgba(WITHHELD_COLOR, 215);
  return new PolygonLayer<HexPolygon>({
    id: HEATMAP_LAYER_ID,
    data: polygons as HexPolygon[],
    getPolygon: (polygon) => polygon.ring,
    filled: true,
    stroked: true,
    getFillColor: (polygon) => {
      const { value, withheld: isWithheld } = cellValue(polygon.cell, measure);
      if (isWithheld || value === null) return withheld;
      return toRgba(scale.colorOf(value), 215);
    },
    getLineColor: [255, 255, 255, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.75,
    pickable: true,
    autoHighlight: true,
    highlightColor: [15, 23, 42, 70],
    updateTriggers: { getFillColor: styleKey },
  });
}
