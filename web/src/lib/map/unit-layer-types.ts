import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Attribution, Bbox, Localized, UnitLevel } from '$lib/api/contract';
import type { OrgLayerMeta } from '$lib/org-layers/org-layer-types';

export type UnitLayerId = 'counties' | 'districts' | 'settlements';

/** One entry of `GET /api/layers`. */
export interface UnitLayerMeta {
  id: UnitLayerId;
  unitKind: UnitLevel;
  title: Localized;
  geometry: 'polygon';
  origin?: 'base';
  attribution: Attribution[];
}

/** Any entry of `GET /api/layers`: a boundary layer or one of the organisations' own layers. */
export type LayerMeta = UnitLayerMeta | OrgLayerMeta;

export interface UnitLayerCatalog {
  layers: LayerMeta[];
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
