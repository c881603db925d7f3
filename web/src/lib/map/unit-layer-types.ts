import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Attribution, Bbox, Localized, UnitLevel } from '$lib/api/contract';

export type UnitLayerId = 'counties' | 'districts' | 'settlements';

/** One entry of `GET /api/layers`. */
export interface UnitLayerMeta {
  id: UnitLayerId;
  unitKind: UnitLevel;
  title: Localized;
  geometry: 'polygon';
  attribution: Attribution[];
}

export interface UnitLayerCatalog {
  layers: UnitLayerMeta[];
}

export interface UnitProperties {
  /** KSH code. */
  code: string;
  name: string;
  countyCode?: string;
  districtCode?: string;
  population?: number;
}

export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties>;
export type UnitCollection = FeatureCollection<Polygon | MultiPolygon, UnitProperties>;

/** What the map shows: its zoom and the visible bounding box. */
export interface MapViewport {
  zoom: number;
  bbox: Bbox;
}
