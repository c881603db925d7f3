import type { Bbox, UnitLevel } from '$lib/api/contract';
import { fetchJson } from '$lib/api/fetch-json';
import type { LayerMeta, UnitCollection, UnitLayerCatalog, UnitLayerId, UnitLayerMeta } from './unit-layer-types';

export function fetchUnitLayerCatalog(signal?: AbortSignal): Promise<UnitLayerCatalog> {
  return fetchJson<UnitLayerCatalog>('/api/layers', { signal });
}

/** Boundaries of one layer, generalised by the server for `zoom`, optionally cut to `bbox`. */
export function fetchUnitLayer(layerId: UnitLayerId, zoom: number, bbox?: Bbox, signal?: AbortSignal): Promise<UnitCollection> {
  return fetchJson<UnitCollection>(`/api/layers/${layerId}`, {
    query: { zoom: Math.round(zoom), bbox: bbox?.map((value) => value.toFixed(4)).join(',') },
    signal,
  });
}

export function layerForLevel(layers: readonly LayerMeta[], level: UnitLevel): UnitLayerMeta | undefined {
  return layers.find((layer): layer is UnitLayerMeta => 'unitKind' in layer && layer.unitKind === level);
}

export interface CountyChoice {
  code: string;
  name: string;
}

/** The counties by name, in Hungarian order (from the coarsest county outlines, the lightest way to the names). */
export async function fetchCounties(signal?: AbortSignal): Promise<CountyChoice[]> {
  const counties = await fetchUnitLayer('counties', 5, undefined, signal);
  return counties.features
    .map((feature) => ({ code: feature.properties.code, name: feature.properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'hu'));
}
