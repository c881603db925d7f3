import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LonLat } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import type {
  InstitutionFeature,
  NeedSignalFeature,
  OrgHit,
  SegregatedAreaFeature,
  WarehouseFeature,
} from '$lib/org-layers/org-layer-types';
import type { LabelPoint } from './label-points';
import { createAreaOutlineLayer } from './layers/area-outline-layer';
import { createCircleLayer } from './layers/circle-layer';
import { createIconPointLayer, type IconSpec } from './layers/icon-point-layer';
import { createLabelLayer } from './layers/label-layer';
import { SPREAD_RADIUS, spreadStackedPoints } from './stacked-points';

/** What the organisation layers draw; each part is null when its layer is off. */
export interface OrganisationLayersView {
  areas: { features: readonly SegregatedAreaFeature[] } | null;
  needSignals: {
    features: readonly NeedSignalFeature[];
    radiusOf: (feature: NeedSignalFeature) => number;
    colorOf: (feature: NeedSignalFeature) => Rgba;
    /** The count at each circle ("<5" where it is small). */
    labels: readonly LabelPoint[];
    /** Changes whenever radius or colour would answer differently. */
    styleKey: string;
  } | null;
  institutions: { features: readonly InstitutionFeature[]; iconOf: (feature: InstitutionFeature) => IconSpec } | null;
  warehouses: { features: readonly WarehouseFeature[]; iconOf: (feature: WarehouseFeature) => IconSpec } | null;
}

export const ORG_LAYER_IDS = {
  areaHalo: 'org-segregated-areas-halo',
  areas: 'org-segregated-areas',
  needSignals: 'org-need-signals',
  needSignalLabels: 'org-need-signal-labels',
  institutions: 'org-institutions',
  warehouses: 'org-warehouses',
  centreRings: 'org-centre-rings',
} as const;

const STYLE = {
  areaLine: [0, 77, 84, 255] as Rgba,
  areaHalo: [255, 255, 255, 220] as Rgba,
  // A lighter patch over the choropleth, so the area reads as "marked" on every class colour.
  areaFill: [255, 255, 255, 70] as Rgba,
  areaHighlight: [255, 255, 255, 140] as Rgba,
  labelText: [24, 20, 40, 255] as Rgba,
  labelHalo: [255, 255, 255, 235] as Rgba,
  // The ring of a point placed at its settlement's centre: "about here", not an address.
  centreRing: [90, 98, 112, 235] as Rgba,
  centreRingFill: [255, 255, 255, 60] as Rgba,
};

const ICON_SIZE = 28;

function pointOf(feature: { geometry: { coordinates: number[] } }): LonLat {
  const [lon = 0, lat = 0] = feature.geometry.coordinates;
  return [lon, lat];
}

/** Area outlines first (over the choropleth), then the circles, the icons, and the circles' counts on top. */
export function buildOrganisationLayers(view: OrganisationLayersView | null): { below: Layer[]; above: Layer[] } {
  const below: Layer[] = [];
  const above: Layer[] = [];
  if (!view) return { below, above };

  if (view.areas) {
    // A white casing under the line keeps it visible on dark and light classes alike.
    below.push(
      createAreaOutlineLayer({
        id: ORG_LAYER_IDS.areaHalo,
        features: view.areas.features,
        lineColor: STYLE.areaHalo,
        lineWidthPixels: 5,
        fillColor: [0, 0, 0, 0],
        pickable: false,
      }),
      createAreaOutlineLayer({
        id: ORG_LAYER_IDS.areas,
        features: view.areas.features,
        lineColor: STYLE.areaLine,
        lineWidthPixels: 2.5,
        fillColor: STYLE.areaFill,
        pickable: true,
        highlightColor: STYLE.areaHighlight,
      }),
    );
  }

  if (view.needSignals) {
    const signals = view.needSignals;
    above.push(
      createCircleLayer<NeedSignalFeature>({
        id: ORG_LAYER_IDS.needSignals,
        data: signals.features,
        getPosition: pointOf,
        getRadiusPixels: signals.radiusOf,
        getFillColor: signals.colorOf,
        lineColor: [255, 255, 255, 235],
        lineWidthPixels: 1.5,
        styleKey: signals.styleKey,
      }),
    );
  }

  // Warehouses and institutions at one place (rows without coordinates share their settlement's
  // centre) are spread on a ring around it, so none hides another.
  const points = [
    ...(view.warehouses?.features ?? []).map((feature) => ({ key: `w${feature.properties.id}`, feature })),
    ...(view.institutions?.features ?? []).map((feature) => ({ key: `i${feature.properties.id}`, feature })),
  ];
  const offsets = spreadStackedPoints(points, (point) => pointOf(point.feature), (point) => point.key);
  const offsetKey = [...offsets.values()].map((offset) => offset.join(',')).join(';');
  const atCentre = points.filter((point) => point.feature.properties.placedAtCentre);
  if (atCentre.length > 0) {
    above.push(
      createCircleLayer<(typeof atCentre)[number]>({
        id: ORG_LAYER_IDS.centreRings,
        data: atCentre,
        getPosition: (point) => pointOf(point.feature),
        // Around the icon, or around the whole ring of icons spread from the centre.
        getRadiusPixels: (point) => (offsets.get(point.key)?.some((value) => value !== 0) ? SPREAD_RADIUS + ICON_SIZE / 2 + 3 : ICON_SIZE * 0.7),
        getFillColor: () => STYLE.centreRingFill,
        lineColor: STYLE.centreRing,
        lineWidthPixels: 2,
        styleKey: offsetKey,
        pickable: false,
      }),
    );
  }
  if (view.warehouses) {
    above.push(
      createIconPointLayer<WarehouseFeature>({
        id: ORG_LAYER_IDS.warehouses,
        data: view.warehouses.features,
        getPosition: pointOf,
        getIcon: view.warehouses.iconOf,
        sizePixels: ICON_SIZE,
        getPixelOffset: (feature) => offsets.get(`w${feature.properties.id}`) ?? [0, 0],
        offsetKey,
      }),
    );
  }
  if (view.institutions) {
    above.push(
      createIconPointLayer<InstitutionFeature>({
        id: ORG_LAYER_IDS.institutions,
        data: view.institutions.features,
        getPosition: pointOf,
        getIcon: view.institutions.iconOf,
        sizePixels: ICON_SIZE,
        getPixelOffset: (feature) => offsets.get(`i${feature.properties.id}`) ?? [0, 0],
        offsetKey,
      }),
    );
  }
  // The counts go on top: an icon at the same place must not hide them.
  if (view.needSignals) {
    above.push(
      createLabelLayer({
        id: ORG_LAYER_IDS.needSignalLabels,
        labels: view.needSignals.labels,
        sizePixels: 11,
        color: STYLE.labelText,
        haloColor: STYLE.labelHalo,
        fontWeight: 700,
      }),
    );
  }
  return { below, above };
}

/** The organisation feature under the pointer, if any. */
export function organisationHitOf(info: PickingInfo): OrgHit | null {
  const object = info.object as { properties?: unknown } | undefined;
  if (!object?.properties) return null;
  switch (info.layer?.id) {
    case ORG_LAYER_IDS.institutions:
      return { layer: 'institutions', properties: (object as InstitutionFeature).properties };
    case ORG_LAYER_IDS.warehouses:
      return { layer: 'warehouses', properties: (object as WarehouseFeature).properties };
    case ORG_LAYER_IDS.areas:
      return { layer: 'segregated-areas', properties: (object as SegregatedAreaFeature).properties };
    case ORG_LAYER_IDS.needSignals:
      return { layer: 'need-signals', properties: (object as NeedSignalFeature).properties };
    default:
      return null;
  }
}
