import { cellToBoundary } from 'h3-js';
import type { LonLat } from '$lib/api/contract';
import type { HexCell } from './heatmap-types';

export interface HexPolygon {
  cell: HexCell;
  /** The outline as [lon, lat] pairs (h3-js gives [lat, lon] unless asked for GeoJSON order). */
  ring: LonLat[];
}

/** Hexagon outlines for deck.gl's PolygonLayer (H3HexagonLayer lives in @deck.gl/geo-layers, not installed). */
export function hexPolygons(cells: readonly HexCell[]): HexPolygon[] {
  return cells.map((cell) => ({ cell, ring: cellToBoundary(cell.h3, true) as LonLat[] }));
}
