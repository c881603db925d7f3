import type { Bbox, LocalisedText, LonLat } from './common.ts';

export interface ProfileIndicator {
  key: string;
  title: LocalisedText;
  unit: LocalisedText;
  kind: 'numeric' | 'category';
  year: number;
  value: number;
  /** Where the value comes from, e.g. "KSH Helységnévtár 2024". */
  source: string;
  /** 'district' where the value is the settlement's district's (e.g. the 290/2014 index). */
  level: 'settlement' | 'district';
  categoryLabel?: LocalisedText;
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
  parts: { total: number; outskirts: number; population2011: number; outskirtsPopulation2011: number };
}
