import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { CATCHMENT_LAYER_ID, type CatchmentFeature, type DrawnSite } from './catchment-features';
import { siteRgba } from './catchment-style';

/** Catchments in their warehouse's colour with outlines, the warehouses as points with names. */
export function buildCatchmentLayers(features: readonly CatchmentFeature[], sites: readonly DrawnSite[], options: { labelled: boolean }): Layer[] {
  const layers: Layer[] = [
    new GeoJsonLayer<{ site: number; name: string }>({
      id: CATCHMENT_LAYER_ID.polygons,
      data: features as CatchmentFeature[],
      filled: true,
      stroked: true,
      getFillColor: (feature) => siteRgba(feature.properties.site, 110),
      getLineColor: (feature) => siteRgba(feature.properties.site, 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
      lineJointRounded: true,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 60],
    }),
    new ScatterplotLayer<DrawnSite>({
      id: CATCHMENT_LAYER_ID.sites,
      data: sites as DrawnSite[],
      getPosition: (entry) => [entry.site.lon, entry.site.lat],
      getRadius: 9,
      radiusUnits: 'pixels',
      getFillColor: (entry) => (entry.planned ? [255, 255, 255, 255] : siteRgba(entry.index)),
      stroked: true,
      getLineColor: (entry) => (entry.planned ? siteRgba(entry.index) : [22, 33, 58, 255]),
      lineWidthUnits: 'pixels',
      getLineWidth: (entry) => (entry.planned ? 4 : 2),
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 120],
      updateTriggers: { getFillColor: sites.map((entry) => entry.planned).join(), getLineColor: sites.map((entry) => entry.planned).join() },
    }),
  ];
  if (options.labelled) {
    layers.push(
      new TextLayer<DrawnSite>({
        id: CATCHMENT_LAYER_ID.labels,
        data: sites as DrawnSite[],
        getPosition: (entry) => [entry.site.lon, entry.site.lat],
        getText: (entry) => entry.site.name,
        getSize: 13,
        sizeUnits: 'pixels',
        getColor: [22, 33, 58, 255],
        fontFamily: 'DejaVu Sans, Noto Sans, Arial, sans-serif',
        fontWeight: 700,
        characterSet: 'auto',
        fontSettings: { sdf: true, fontSize: 48, buffer: 10, radius: 14 },
        outlineWidth: 7,
        outlineColor: [255, 255, 255, 240],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'bottom',
        getPixelOffset: [0, -14],
        pickable: false,
      }),
    );
  }
  return layers;
}
