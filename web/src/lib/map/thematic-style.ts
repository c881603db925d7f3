import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS } from './basemap-style';

/** Vector tile layers of the Terep API: the source-layer name is the path's layer. */
export const TILE_LAYER = { settlements: 'settlements', counties: 'counties' } as const;

export const STYLE_LAYER = {
  land: 'land',
  settlementFill: 'settlement-fill',
  settlementLine: 'settlement-line',
  settlementSelected: 'settlement-selected',
  countyBorders: 'county-borders',
} as const;

/** The feature-state keys a page sets on settlements. */
export const FEATURE_STATE = { fill: 'fill', selected: 'selected' } as const;

function tileUrl(origin: string, layer: string): string {
  return `${origin}/api/tiles/${layer}/{z}/{x}/{y}.mvt`;
}

/**
 * The basemap of the analysis and planning maps: land and settlement polygons from the API's own
 * vector tiles (no remote tiles, glyphs or sprites). Settlements are filled from a feature state
 * the page sets per KSH code (the tiles' feature id), so a new result recolours the map without
 * reloading tiles.
 */
export function buildThematicStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'terep-thematic',
    sources: {
      settlements: { type: 'vector', tiles: [tileUrl(origin, TILE_LAYER.settlements)], minzoom: 5, maxzoom: 14 },
      counties: { type: 'vector', tiles: [tileUrl(origin, TILE_LAYER.counties)], minzoom: 5, maxzoom: 12, promoteId: 'code' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.background } },
      { id: STYLE_LAYER.land, type: 'fill', source: 'counties', 'source-layer': TILE_LAYER.counties, paint: { 'fill-color': BASEMAP_COLORS.land } },
      {
        id: STYLE_LAYER.settlementFill,
        type: 'fill',
        source: 'settlements',
        'source-layer': TILE_LAYER.settlements,
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', FEATURE_STATE.fill], 'rgba(0,0,0,0)']] },
      },
      {
        id: STYLE_LAYER.settlementLine,
        type: 'line',
        source: 'settlements',
        'source-layer': TILE_LAYER.settlements,
        paint: {
          'line-color': '#ffffff',
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.25, 9, 0.8],
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.3, 10, 1],
        },
      },
      {
        id: STYLE_LAYER.countyBorders,
        type: 'line',
        source: 'counties',
        'source-layer': TILE_LAYER.counties,
        paint: { 'line-color': BASEMAP_COLORS.countyBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.9, 10, 2] },
      },
      {
        id: STYLE_LAYER.settlementSelected,
        type: 'line',
        source: 'settlements',
        'source-layer': TILE_LAYER.settlements,
        paint: {
          'line-color': '#0f172a',
          'line-width': 3,
          'line-opacity': ['case', ['boolean', ['feature-state', FEATURE_STATE.selected], false], 1, 0],
        },
      },
    ],
  };
}
