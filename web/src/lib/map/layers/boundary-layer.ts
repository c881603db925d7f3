import { GeoJsonLayer } from '@deck.gl/layers';
import type { Rgba } from '$lib/indicators/color-scale';
import type { UnitFeature, UnitProperties } from '../unit-layer-types';

export interface BoundaryLayerProps {
  id: string;
  features: readonly UnitFeature[];
  lineColor: Rgba;
  lineWidthPixels: number;
  visible?: boolean;
}

/** Unit outlines drawn over the choropleth (county borders, district borders, the selected unit). */
export function createBoundaryLayer(props: BoundaryLayerProps): GeoJsonLayer<UnitProperties> {
  return new GeoJsonLayer<UnitProperties>({
    id: props.id,
    data: props.features as UnitFeature[],
    filled: false,
    stroked: true,
    getLineColor: props.lineColor,
    lineWidthUnits: 'pixels',
    getLineWidth: props.lineWidthPixels,
    lineJointRounded: true,
    pickable: false,
    visible: props.visible ?? true,
  });
}
