import type { Bbox } from '$lib/api/contract';
import { boundsOfPositions } from '$lib/org-layers/feature-bounds';
import type { ThematicScene } from '$lib/map/thematic-map';
import type { AreaFeature, ProgrammeLayersView } from './programme-layer-ids';

/** The programme page's small map: its action areas over the settlements. */
export interface ProgrammeMapScene extends ThematicScene {
  programmes: ProgrammeLayersView | null;
}

export const EMPTY_PROGRAMME_SCENE: ProgrammeMapScene = { key: 'base', fills: null, programmes: null };

export const EMPTY_LAYERS_VIEW: ProgrammeLayersView = { areas: null, helpers: null, partners: null, cases: null, activities: null };

/** [minLon, minLat, maxLon, maxLat] around polygons (the action areas), or null when there are none. */
export function boundsOfAreas(features: readonly AreaFeature[]): Bbox | null {
  const positions: number[][] = [];
  for (const feature of features) {
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons) positions.push(...(polygon[0] ?? []));
  }
  return boundsOfPositions(positions);
}

/*
 * Test hook for the browser test (test/e2e/programmes.e2e.test.ts): `body[data-programme-ready]`
 * names what the programme page's map drew (`areas`) once it went idle after its layers rendered.
 */
export function markProgrammeMapReady(key: string | null): void {
  if (key) document.body.dataset.programmeReady = key;
  else delete document.body.dataset.programmeReady;
}
