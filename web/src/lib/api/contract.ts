/** Types shared by several parts of the API contract. */
import type { LocalisedText } from '@terep/db/contract';

export type { Bbox, LonLat } from '@terep/db/contract';

export type Locale = 'hu' | 'en';

/** A text in both UI languages. */
export type Localized = LocalisedText;

/** A source as it must be credited (`text`, often the source's Hungarian wording), with its English wording where that differs. */
export interface Attribution {
  text: string;
  en?: string;
  url?: string;
}

/** The administrative levels a choropleth can be drawn at. */
export type UnitLevel = 'settlement' | 'district' | 'county';

export const UNIT_LEVELS: readonly UnitLevel[] = ['settlement', 'district', 'county'];

export interface HealthResponse {
  status: 'ok';
  engine: 'embedded' | 'server';
  postgis: string;
  counts: Record<'county' | 'district' | 'settlement' | 'settlement_part' | 'indicator_value', number>;
  population: number;
}
