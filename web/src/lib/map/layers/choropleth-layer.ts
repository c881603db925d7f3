import { GeoJsonLayer } from '@deck.gl/layers';
import type { Rgba } from '$lib/indicators/color-scale';
import type { UnitFeature, UnitProperties } from '../unit-layer-types';

export interface ChoroplethLayerProps {
  id: string;
  features: readonly UnitFeature[];
  /** Fill colour of one unit. */
  getFillColor: (feature: UnitFeature) => Rgba;
  /** Changes whenever `getFillColor` would answer differently (indicator, year, scale). */
  colorKey: string;
  lineColor: Rgba;
  lineWidthPixels: number;
  highlightColor: Rgba;
}

/** The indicator choropleth: filled unit polygons, thin outlines, pickable for hover and click. */
export function createChoroplethLayer(props: ChoroplethLayerProps): GeoJsonLayer<UnitProperties> {
  return new GeoJsonLayer<UnitProperties>({
    id: props.id,
    data: props.features as UnitFeature[],
    filled: true,
    stroked: true,
    getFillColor: (feature) => props.getFillColor(feature as UnitFeature),
    getLineColor: props.lineColor,
    lineWidthUnits: 'pixels',
    getLineWidth: props.lineWidthPixels,
    lineWidthMinPixels: 0,
    pickable: true,
    autoHighlight: true,
    highlightColor: props.highlightColor,
    updateTriggers: { getFillColor: props.colorKey },
  });
}
