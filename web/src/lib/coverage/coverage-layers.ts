import type { Layer } from '@deck.gl/core';
import type { LonLat } from '$lib/api/contract';
import { createIconPointLayer } from '$lib/map/layers/icon-point-layer';
import { institutionIcon } from '$lib/org-layers/map-icons';
import type { InstitutionFeature } from '$lib/org-layers/org-layer-types';
import { COVERAGE_LAYER_ID } from './coverage-layers-ids';


/** The institutions of the covered service types, as their type's marker. */
export function buildCoverageLayers(institutions: readonly InstitutionFeature[], zoom: number): Layer[] {
  if (institutions.length === 0) return [];
  return [
    createIconPointLayer<InstitutionFeature>({
      id: COVERAGE_LAYER_ID.institutions,
      data: institutions,
      getPosition: (feature) => feature.geometry.coordinates as LonLat,
      getIcon: (feature) => institutionIcon(feature.properties.type, feature.properties.typeName.hu),
      sizePixels: zoom >= 9 ? 26 : 20,
    }),
  ];
}
