import { ScatterplotLayer } from '@deck.gl/layers';
import type { LonLat } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';

export interface CircleLayerProps<T> {
  id: string;
  data: readonly T[];
  getPosition: (item: T) => LonLat;
  getRadiusPixels: (item: T) => number;
  getFillColor: (item: T) => Rgba;
  lineColor: Rgba;
  lineWidthPixels: number;
  /** Changes whenever the radius or colour accessors would answer differently. */
  styleKey: string;
  /** True unless told: the circles answer hovers. */
  pickable?: boolean;
}

/** Proportional circles in screen pixels (need signals per settlement), pickable for tooltips. */
export function createCircleLayer<T>(props: CircleLayerProps<T>): ScatterplotLayer<T> {
  return new ScatterplotLayer<T>({
    id: props.id,
    data: props.data as T[],
    getPosition: (item) => props.getPosition(item),
    getRadius: (item) => props.getRadiusPixels(item),
    radiusUnits: 'pixels',
    getFillColor: (item) => props.getFillColor(item),
    stroked: true,
    getLineColor: props.lineColor,
    lineWidthUnits: 'pixels',
    getLineWidth: props.lineWidthPixels,
    pickable: props.pickable ?? true,
    autoHighlight: props.pickable ?? true,
    highlightColor: [255, 255, 255, 90],
    updateTriggers: { getRadius: props.styleKey, getFillColor: props.styleKey },
  });
}
