import type { Bbox, Localized, LonLat } from '$lib/api/contract';

export interface ProfileIndicator {
  key: string;
  title: Localized;
  unit: Localized;
  year: number;
  value: number;
  /** 'district' when the settlement inherits its district's value. */
  level: 'settlement' | 'district';
  categoryLabel?: Localized;
  /** Where the value comes from, e.g. "KSH Helységnévtár 2024" (sent by the server; optional). */
  source?: string;
}

/** `GET /api/settlements/:code`. */
export interface SettlementProfile {
  code: string;
  name: string;
  legalStatus: string;
  county: { code: string; name: string };
  district: { code: string; name: string; seat: string };
  population2024: number;
  areaHa: number;
  dwellings: number;
  romaSelfGovernment: boolean;
  postcodes: string[];
  point: LonLat;
  bbox: Bbox;
  indicators: ProfileIndicator[];
  parts: { total: number; outskirts: number; farmsteadPopulation2011: number; population2011: number };
}
