import type { Map as MaplibreMap } from 'maplibre-gl';

/*
 * Test hooks for the browser end-to-end test (test/e2e/dashboard.e2e.test.ts):
 * - `window.__terepMap` is the maplibre map, so the test can project coordinates and fit bounds;
 * - `document.body.dataset.mapReady` is 'true' once the map went idle after the choropleth
 *   rendered, and is removed again while a new choropleth is being prepared.
 * They are plain DOM/global writes with no effect on the app itself.
 */

declare global {
  interface Window {
    __terepMap?: MaplibreMap;
  }
}

export function exposeMapForTests(map: MaplibreMap | undefined): void {
  if (map) window.__terepMap = map;
  else delete window.__terepMap;
}

export function markMapReady(ready: boolean): void {
  if (ready) document.body.dataset.mapReady = 'true';
  else delete document.body.dataset.mapReady;
}

declare global {
  interface Window {
    /** The two maps of a side-by-side comparison, left then right (test/e2e projects sites through them). */
    __terepCompareMaps?: MaplibreMap[];
  }
}

export function exposeCompareMapsForTests(maps: MaplibreMap[] | undefined): void {
  if (maps) window.__terepCompareMaps = maps;
  else delete window.__terepCompareMaps;
}
