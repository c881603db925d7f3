import type { LocalisedText, UnitKind } from '@terep/db';

/** A source as it must be credited (`text`, often in the source's own Hungarian wording), with its English wording where that differs. */
export interface Attribution {
  text: string;
  en?: string;
  url?: string;
}

export interface LayerEntry {
  id: string;
  /** The administrative level of a boundary layer. */
  unitKind?: UnitKind;
  title: LocalisedText;
  geometry: 'polygon' | 'point';
  /** 'base': the data of Hungary shipped with Terep; 'organisation': what the organisation imported. */
  origin: 'base' | 'organisation';
  attribution: Attribution[];
}

export const OSM_ATTRIBUTION: Attribution = { text: '© OpenStreetMap contributors (ODbL 1.0)', url: 'https://www.openstreetmap.org/copyright' };
export const KSH_ATTRIBUTION: Attribution = { text: 'Forrás: KSH', en: 'Source: KSH (Hungarian Central Statistical Office)', url: 'https://www.ksh.hu' };
const OWN_DATA: Attribution = { text: 'Saját adat', en: 'Organisation data' };
/** How a saved need index credits the sources of its components (db/src/queries/need-index.ts). */
export const COMPONENT_SOURCES: Attribution = { text: 'a komponensek forrásai', en: 'the sources of its components' };

export const LAYERS: readonly LayerEntry[] = [
  { id: 'counties', unitKind: 'county', title: { hu: 'Vármegyék', en: 'Counties' }, geometry: 'polygon', origin: 'base', attribution: [OSM_ATTRIBUTION, KSH_ATTRIBUTION] },
  { id: 'districts', unitKind: 'district', title: { hu: 'Járások', en: 'Districts' }, geometry: 'polygon', origin: 'base', attribution: [OSM_ATTRIBUTION, KSH_ATTRIBUTION] },
  { id: 'settlements', unitKind: 'settlement', title: { hu: 'Települések', en: 'Settlements' }, geometry: 'polygon', origin: 'base', attribution: [OSM_ATTRIBUTION, KSH_ATTRIBUTION] },
  { id: 'segregated-areas', title: { hu: 'Szegregátumok', en: 'Segregated areas' }, geometry: 'polygon', origin: 'organisation', attribution: [OWN_DATA] },
  { id: 'need-signals', title: { hu: 'Szükségletjelzések (településenként)', en: 'Need signals (per settlement)' }, geometry: 'point', origin: 'organisation', attribution: [OWN_DATA, KSH_ATTRIBUTION] },
  { id: 'institutions', title: { hu: 'Intézmények', en: 'Institutions' }, geometry: 'point', origin: 'organisation', attribution: [OWN_DATA] },
  { id: 'warehouses', title: { hu: 'Raktárak', en: 'Warehouses' }, geometry: 'point', origin: 'organisation', attribution: [OWN_DATA] },
  // Programmes and the helper network (issue 15).
  { id: 'programme-areas', title: { hu: 'Programok akcióterületei', en: 'Programme action areas' }, geometry: 'polygon', origin: 'organisation', attribution: [OWN_DATA, OSM_ATTRIBUTION] },
  { id: 'partner-seats', title: { hu: 'Partnerszervezetek székhelye', en: 'Partner seats' }, geometry: 'point', origin: 'organisation', attribution: [OWN_DATA] },
  { id: 'helper-areas', title: { hu: 'Segítői hálózat működési területe', en: 'Helper-network areas' }, geometry: 'polygon', origin: 'organisation', attribution: [OWN_DATA, OSM_ATTRIBUTION] },
  { id: 'case-density', title: { hu: 'Esetek sűrűsége (településenként)', en: 'Case density (per settlement)' }, geometry: 'point', origin: 'organisation', attribution: [OWN_DATA, KSH_ATTRIBUTION] },
  { id: 'programme-activities', title: { hu: 'Programtevékenységek', en: 'Programme activities' }, geometry: 'point', origin: 'organisation', attribution: [OWN_DATA] },
];
