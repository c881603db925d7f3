import type { LocalisedText, UnitKind } from '@terep/db';

export interface Attribution {
  text: string;
  url?: string;
}

export interface LayerEntry {
  id: string;
  unitKind: UnitKind;
  title: LocalisedText;
  geometry: 'polygon';
  attribution: Attribution[];
}

export const OSM_ATTRIBUTION: Attribution = { text: '© OpenStreetMap contributors (ODbL 1.0)', url: 'https://www.openstreetmap.org/copyright' };
export const KSH_ATTRIBUTION: Attribution = { text: 'Forrás: KSH', url: 'https://www.ksh.hu' };

/** The base layers every installation has; imported layers join this list in later capabilities. */
export const BASE_LAYERS: readonly LayerEntry[] = [
  { id: 'counties', unitKind: 'county', title: { hu: 'Vármegyék', en: 'Counties' }, geometry: 'polygon', attribution: [OSM_ATTRIBUTION, KSH_ATTRIBUTION] },
  { id: 'districts', unitKind: 'district', title: { hu: 'Járások', en: 'Districts (járás)' }, geometry: 'polygon', attribution: [OSM_ATTRIBUTION, KSH_ATTRIBUTION] },
  { id: 'settlements', unitKind: 'settlement', title: { hu: 'Települések', en: 'Settlements' }, geometry: 'polygon', attribution: [OSM_ATTRIBUTION, KSH_ATTRIBUTION] },
];
