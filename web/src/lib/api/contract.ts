/** Types shared by several parts of the API contract. */

export type Locale = 'hu' | 'en';

/** A text in both UI languages. */
export interface Localized {
  hu: string;
  en: string;
}

export interface Attribution {
  text: string;
  url?: string;
}

/** The administrative levels a choropleth can be drawn at. */
export type UnitLevel = 'settlement' | 'district' | 'county';

export const UNIT_LEVELS: readonly UnitLevel[] = ['settlement', 'district', 'county'];

/** [minLon, minLat, maxLon, maxLat] in WGS84. */
export type Bbox = [number, number, number, number];

/** [lon, lat] in WGS84. */
export type LonLat = [number, number];

export interface HealthResponse {
  status: 'ok';
  engine: 'embedded' | 'server';
  postgis: string;
  counts: Record<'county' | 'district' | 'settlement' | 'settlement_part' | 'indicator_value', number>;
  population: number;
}
