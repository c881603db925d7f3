import type { Layer } from '@deck.gl/core';
import { FillStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { ActionAreaFeatureProperties } from '@terep/db/contract';
import type { LonLat } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import { createCircleLayer } from '$lib/map/layers/circle-layer';
import { createLabelLayer } from '$lib/map/layers/label-layer';
import { programmeColor } from './programme-colors';
import { PROGRAMME_LAYER_ID, type ActivityFeature, type AreaFeature, type CaseDensityFeature, type PartnerSeatFeature, type ProgrammeLayersView } from './programme-layer-ids';

export const STYLE = {
  helperLine: [106, 61, 154, 255] as Rgba,
  helperFill: [106, 61, 154, 38] as Rgba,
  hatch: [25, 30, 45, 190] as Rgba,
  partner: [33, 37, 41, 255] as Rgba,
  partnerFill: [255, 255, 255, 255] as Rgba,
  cases: [202, 75, 40, 200] as Rgba,
  withheld: [150, 150, 150, 200] as Rgba,
  activity: [20, 120, 110, 230] as Rgba,
  labelText: [24, 20, 40, 255] as Rgba,
  labelHalo: [255, 255, 255, 235] as Rgba,
};

/** Diagonal hatching drawn by the GPU (deck.gl's procedural fill patterns): where programmes overlap. */
const HATCH = { hatch: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 5 } } as const;
const hatchExtension = new FillStyleExtension({ proceduralPattern: true });

const pointOf = (feature: { geometry: { coordinates: number[] } }): LonLat => [feature.geometry.coordinates[0] ?? 0, feature.geometry.coordinates[1] ?? 0];

// GeoJSON typings want open property bags; the features are plain GeoJSON all the same.
const asGeoJson = <P>(features: readonly Feature<Polygon | MultiPolygon, P>[]) =>
  features as unknown as Feature<Polygon | MultiPolygon, GeoJsonProperties>[];

/** Action areas filled in their programme's colour, outlined, and hatched where another programme acts too. */
export function buildAreaLayers(areas: readonly AreaFeature[]): Layer[] {
  const overlapping = areas.filter((feature) => feature.properties.overlap);
  const layers: Layer[] = [
    new GeoJsonLayer({
      id: PROGRAMME_LAYER_ID.areas,
      data: asGeoJson(areas),
      filled: true,
      stroked: true,
      getFillColor: (feature) => programmeColor((feature.properties as ActionAreaFeatureProperties).programmeId, 110),
      getLineColor: (feature) => programmeColor((feature.properties as ActionAreaFeatureProperties).programmeId, 255),
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
    }),
  ];
  if (overlapping.length > 0) {
    layers.push(
      new GeoJsonLayer({
        id: PROGRAMME_LAYER_ID.overlap,
        data: asGeoJson(overlapping),
        filled: true,
        stroked: false,
        getFillColor: STYLE.hatch,
        pickable: false,
        extensions: [hatchExtension],
        fillPatternMapping: HATCH,
        fillPatternSizeUnits: 'pixels',
        fillPatternMask: true,
        getFillPattern: () => 'hatch',
      }),
    );
  }
  return layers;
}

/** Every programme layer of a view, bottom to top: helper areas, action areas, cases, activities, partner seats, the case counts. */
export function buildProgrammeLayers(view: ProgrammeLayersView | null): Layer[] {
  if (!view) return [];
  const layers: Layer[] = [];
  if (view.helpers) {
    layers.push(
      new GeoJsonLayer({
        id: PROGRAMME_LAYER_ID.helpers,
        data: asGeoJson(view.helpers),
        filled: true,
        stroked: true,
        getFillColor: STYLE.helperFill,
        getLineColor: STYLE.helperLine,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 70],
      }),
    );
  }
  if (view.areas) layers.push(...buildAreaLayers(view.areas));
  if (view.cases) {
    const { cases } = view;
    layers.push(
      createCircleLayer<CaseDensityFeature>({
        id: PROGRAMME_LAYER_ID.cases,
        data: cases.features,
        getPosition: pointOf,
        getRadiusPixels: cases.radiusOf,
        getFillColor: (feature) => (feature.properties.casesBelowThreshold ? STYLE.withheld : STYLE.cases),
        lineColor: [255, 255, 255, 235],
        lineWidthPixels: 1.5,
        styleKey: cases.styleKey,
      }),
    );
  }
  if (view.activities) {
    layers.push(
      createCircleLayer<ActivityFeature>({
        id: PROGRAMME_LAYER_ID.activities,
        data: view.activities.features,
        getPosition: pointOf,
        getRadiusPixels: (feature) => 4 + Math.min(8, Math.sqrt(feature.properties.participants ?? 0)),
        getFillColor: () => STYLE.activity,
        lineColor: [255, 255, 255, 235],
        lineWidthPixels: 1,
        styleKey: view.activities.styleKey,
      }),
    );
  }
  if (view.partners) {
    layers.push(
      createCircleLayer<PartnerSeatFeature>({
        id: PROGRAMME_LAYER_ID.partners,
        data: view.partners,
        getPosition: pointOf,
        getRadiusPixels: () => 6,
        getFillColor: () => STYLE.partnerFill,
        lineColor: STYLE.partner,
        lineWidthPixels: 2.5,
        styleKey: 'partners',
      }),
    );
  }
  // The counts go on top: a partner seat or an activity at the same place must not hide them.
  if (view.cases) {
    layers.push(
      createLabelLayer({ id: PROGRAMME_LAYER_ID.caseLabels, labels: view.cases.labels, sizePixels: 11, color: STYLE.labelText, haloColor: STYLE.labelHalo, fontWeight: 700 }),
    );
  }
  return layers;
}
