import type { StyleSpecification } from 'maplibre-gl';
import type { UnitCollection } from './unit-layer-types';

export const BASEMAP_COLORS = {
  background: '#dfe5ea',
  land: '#f5f3ee',
  countyBorder: '#6b7480',
  districtBorder: '#a3abb5',
} as const;

const EMPTY: UnitCollection = { type: 'FeatureCollection', features: [] };

export const BASEMAP_SOURCE = { counties: 'counties', districts: 'districts' } as const;

/**
 * The basemap, built only from the project's own boundaries: no remote tiles, glyphs or sprites
 * (the app must work offline). Labels are drawn by deck.gl, so there are no symbol layers.
 */
export function buildBasemapStyle(counties: UnitCollection): StyleSpecification {
  return {
    version: 8,
    name: 'terep-basemap',
    sources: {
      [BASEMAP_SOURCE.counties]: { type: 'geojson', data: counties },
      [BASEMAP_SOURCE.districts]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.background } },
      { id: 'land', type: 'fill', source: BASEMAP_SOURCE.counties, paint: { 'fill-color': BASEMAP_COLORS.land } },
      {
        id: 'district-borders',
        type: 'line',
        source: BASEMAP_SOURCE.districts,
        minzoom: 8,
        paint: { 'line-color': BASEMAP_COLORS.districtBorder, 'line-width': 0.8 },
      },
      {
        id: 'county-borders',
        type: 'line',
        source: BASEMAP_SOURCE.counties,
        paint: {
          'line-color': BASEMAP_COLORS.countyBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 10, 1.6],
        },
      },
    ],
  };
}
