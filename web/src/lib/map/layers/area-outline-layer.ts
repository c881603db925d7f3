import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { Rgba } from '$lib/indicators/color-scale';

export interface AreaOutlineLayerProps<P> {
  id: string;
  features: readonly Feature<Polygon | MultiPolygon, P>[];
  lineColor: Rgba;
  lineWidthPixels: number;
  /** A light fill, so the inside can be hovered; transparent hides it. */
  fillColor: Rgba;
  pickable: boolean;
  highlightColor?: Rgba;
}

/** Polygons drawn as outlines over the choropleth (segregated areas), with a faint fill. */
export function createAreaOutlineLayer<P>(props: AreaOutlineLayerProps<P>): GeoJsonLayer<P> {
  return new GeoJsonLayer<P>({
    id: props.id,
    // GeoJSON typings want open property bags; the features are plain GeoJSON all the same.
    data: props.features as unknown as Feature<Polygon | MultiPolygon, GeoJsonProperties>[],
    filled: true,
    stroked: true,
    getFillColor: props.fillColor,
    getLineColor: props.lineColor,
    lineWidthUnits: 'pixels',
    getLineWidth: props.lineWidthPixels,
    lineJointRounded: true,
    pickable: props.pickable,
    autoHighlight: Boolean(props.highlightColor),
    highlightColor: props.highlightColor ?? [0, 0, 0, 0],
  });
}
