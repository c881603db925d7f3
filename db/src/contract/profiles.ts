import type { Bbox, LocalisedText } from './common.ts';
import type { ProfileIndicator } from './settlements.ts';

/** A district's or county's value of an indicator (district and county values are sums of their settlements, rates recomputed). */
export type AreaIndicator = Omit<ProfileIndicator, 'level'>;

/** A settlement inside a district or county, for the profile's list. */
export interface AreaSettlement {
  code: string;
  name: string;
  legalStatus: string;
  population2024: number;
}

/** The organisation's own data inside an area; counts below 5 leave the server as null with the flag set. */
export interface AreaOrganisationData {
  institutions: { id: number; name: string; type: string; typeName: LocalisedText; settlementCode: string; settlementName: string; capacity: number | null }[];
  warehouses: { id: number; name: string; settlementCode: string; settlementName: string; capacity: number | null }[];
  needSignals: {
    /** Settlements with at least one signal. */
    settlements: number;
    households: number | null;
    householdsBelowThreshold: boolean;
    persons: number | null;
    personsBelowThreshold: boolean;
  };
  segregatedAreas: { id: number; name: string; settlementCode: string; settlementName: string; population: number | null; populationBelowThreshold: boolean }[];
}

/** `GET /api/profiles/:level/:code`: a district (3-digit code) or a county (2-digit code). */
export interface AreaProfile {
  level: 'district' | 'county';
  code: string;
  name: string;
  /** The district's seat; null for a county. */
  seat: string | null;
  /** The county a district lies in; null for a county. */
  county: { code: string; name: string } | null;
  population2024: number;
  areaHa: number;
  settlementCount: number;
  districtCount: number | null;
  bbox: Bbox;
  indicators: AreaIndicator[];
  /** Every settlement of the area, most populous first. */
  settlements: AreaSettlement[];
  organisation: AreaOrganisationData;
}
