import type { Bbox, LonLat, UnitLevel } from '$lib/api/contract';

export interface SearchResult {
  kind: UnitLevel;
  code: string;
  name: string;
  /** Where it is, e.g. the county name. */
  context: string;
  point: LonLat;
  bbox: Bbox;
}

export interface SearchResponse {
  results: SearchResult[];
}
