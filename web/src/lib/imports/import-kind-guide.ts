import type { ProgrammeChoiceList } from '$lib/programmes/programme-choices';
import type { ImportKind } from './import-types';

/**
 * What the import page tells the user about each kind: the main column headers the importer
 * recognises (data-import/src/org-data/kinds/kinds.ts and column-map.ts hold the full alias
 * lists; headers match accent- and case-insensitively) and how rows are located.
 */

export interface GuideColumn {
  /** Report field name (`name`, `capacity`...): its label comes from the dictionary (`field.*`). */
  field: string;
  /** Header names as offices write them, the usual one first. */
  headers: readonly string[];
  required?: boolean;
  /** The accepted values, when the field is a choice (dictionary keys or literal text). */
  valuesKey?: 'types' | 'categories' | 'urgencies' | ProgrammeChoiceList;
}

export interface KindGuide {
  kind: ImportKind;
  columns: readonly GuideColumn[];
  /** Fields of which at least one must hold a value in every row. */
  oneOf?: readonly string[];
  /** 'areas': the row names its settlements, districts or segregated areas in its own columns (programmes, network members). */
  location: 'point' | 'polygon' | 'settlement' | 'areas';
  /** Need signals: counts only, never personal data (cases and network members: pseudonymous). */
  privacy: boolean;
}

export const KIND_GUIDES: Record<ImportKind, KindGuide> = {
  institutions: {
    kind: 'institutions',
    location: 'point',
    privacy: false,
    columns: [
      { field: 'name', headers: ['Név', 'Megnevezés', 'Intézmény neve'], required: true },
      { field: 'type', headers: ['Típus', 'Intézménytípus', 'Szolgáltatás'], required: true, valuesKey: 'types' },
      { field: 'address', headers: ['Cím'] },
      { field: 'capacity', headers: ['Férőhely', 'Kapacitás', 'Ellátottak száma'] },
      { field: 'operator', headers: ['Fenntartó', 'Működtető'] },
    ],
  },
  warehouses: {
    kind: 'warehouses',
    location: 'point',
    privacy: false,
    columns: [
      { field: 'name', headers: ['Név', 'Megnevezés', 'Raktár neve'], required: true },
      { field: 'address', headers: ['Cím'] },
      { field: 'capacity', headers: ['Kapacitás', 'Tárolókapacitás'] },
      { field: 'servedCounty', headers: ['Ellátott megye', 'Ellátott vármegye'] },
    ],
  },
  'segregated-areas': {
    kind: 'segregated-areas',
    location: 'polygon',
    privacy: false,
    columns: [
      { field: 'name', headers: ['Név', 'Szegregátum', 'Azonosító'], required: true },
      { field: 'population', headers: ['Népesség', 'Lakónépesség', 'Lakosok száma'] },
      { field: 'lowEducationShare', headers: ['Alacsony iskolai végzettségűek aránya', 'Alacsony végzettség'] },
      { field: 'noRegularIncomeShare', headers: ['Rendszeres munkajövedelemmel nem rendelkezők aránya', 'Munkajövedelem nélkül'] },
      { field: 'source', headers: ['Forrás'] },
      { field: 'year', headers: ['Év', 'Évszám'] },
    ],
  },
  'need-signals': {
    kind: 'need-signals',
    location: 'settlement',
    privacy: true,
    oneOf: ['households', 'persons'],
    columns: [
      { field: 'category', headers: ['Kategória', 'Szükséglet'], required: true, valuesKey: 'categories' },
      { field: 'households', headers: ['Háztartások száma', 'Családok száma'] },
      { field: 'persons', headers: ['Személyek száma', 'Fő', 'Létszám'] },
      { field: 'date', headers: ['Dátum', 'Jelzés dátuma'], required: true },
      { field: 'organisation', headers: ['Szervezet', 'Jelző szervezet'], required: true },
      { field: 'urgency', headers: ['Sürgősség', 'Prioritás'], valuesKey: 'urgencies' },
    ],
  },
  // Programmes and the helper network (issue 15); the values lists are in data-import/src/org-data/kinds/kinds.ts.
  programmes: {
    kind: 'programmes',
    location: 'areas',
    privacy: false,
    columns: [
      { field: 'programme', headers: ['Program', 'Program neve'], required: true },
      { field: 'funder', headers: ['Finanszírozó', 'Támogató'] },
      { field: 'callCode', headers: ['Felhívás', 'Konstrukció'] },
      { field: 'project', headers: ['Projekt', 'Projekt neve'], required: true },
      { field: 'projectCode', headers: ['Projektazonosító'] },
      { field: 'lead', headers: ['Konzorciumvezető', 'Vezető partner'] },
      { field: 'partners', headers: ['Konzorciumi partnerek', 'Partnerek'] },
      { field: 'status', headers: ['Állapot', 'Státusz'], valuesKey: 'projectStatuses' },
      { field: 'startsOn', headers: ['Kezdete', 'Projekt kezdete'] },
      { field: 'endsOn', headers: ['Vége', 'Projekt vége'] },
      { field: 'budget', headers: ['Költségvetés', 'Támogatás összege'] },
      { field: 'services', headers: ['Szolgáltatások'], valuesKey: 'types' },
      { field: 'settlements', headers: ['Települések', 'Akcióterület'] },
      { field: 'districts', headers: ['Járások'] },
      { field: 'segregatedAreas', headers: ['Szegregátumok'] },
    ],
  },
  partners: {
    kind: 'partners',
    location: 'settlement',
    privacy: false,
    columns: [
      { field: 'name', headers: ['Név', 'Szervezet neve'], required: true },
      { field: 'kind', headers: ['Jelleg', 'Szervezet típusa'], required: true, valuesKey: 'partnerKinds' },
      { field: 'contactRole', headers: ['Kapcsolattartó szerepe'] },
      { field: 'networks', headers: ['Hálózatok'] },
    ],
  },
  'network-members': {
    kind: 'network-members',
    location: 'areas',
    privacy: true,
    oneOf: ['settlements', 'districts'],
    columns: [
      { field: 'network', headers: ['Hálózat'], required: true },
      { field: 'memberCode', headers: ['Tagkód', 'Azonosító'], required: true },
      { field: 'kind', headers: ['Típus', 'Jelleg'], required: true, valuesKey: 'memberKinds' },
      { field: 'experience', headers: ['Tapasztalat'], valuesKey: 'experience' },
      { field: 'partner', headers: ['Szervezet', 'Partnerszervezet'] },
      { field: 'settlements', headers: ['Települések', 'Működési terület'] },
      { field: 'districts', headers: ['Járások'] },
    ],
  },
  cases: {
    kind: 'cases',
    location: 'settlement',
    privacy: true,
    columns: [
      { field: 'network', headers: ['Hálózat'], required: true },
      { field: 'caseNumber', headers: ['Ügyszám', 'Esetszám'], required: true },
      { field: 'domain', headers: ['Terület', 'Ügy területe'], required: true, valuesKey: 'domains' },
      { field: 'help', headers: ['Nyújtott segítség', 'Segítség'], valuesKey: 'help' },
      { field: 'status', headers: ['Állapot'], valuesKey: 'caseStatuses' },
      { field: 'openedOn', headers: ['Kezdete', 'Bejelentés dátuma'], required: true },
      { field: 'closedOn', headers: ['Lezárás', 'Lezárás dátuma'] },
    ],
  },
  activities: {
    kind: 'activities',
    location: 'settlement',
    privacy: false,
    columns: [
      { field: 'programme', headers: ['Program'], required: true },
      { field: 'project', headers: ['Projekt'], required: true },
      { field: 'kind', headers: ['Típus', 'Esemény típusa'], required: true, valuesKey: 'activityKinds' },
      { field: 'title', headers: ['Cím', 'Megnevezés'] },
      { field: 'date', headers: ['Dátum', 'Időpont'], required: true },
      { field: 'participants', headers: ['Résztvevők száma', 'Létszám'] },
    ],
  },
};

/** The usual headers of the columns that say where a row is, by how a kind is located. */
export const LOCATION_HEADERS: Record<KindGuide['location'], readonly string[]> = {
  point: ['Település', 'KSH kód', 'Irányítószám', 'EOV Y', 'EOV X', 'lon', 'lat'],
  settlement: ['Település', 'KSH kód', 'Irányítószám'],
  polygon: [],
  areas: [],
};

/** Where-columns every point kind may use, in the order the report lists them. */
export const LOCATION_FIELD_ORDER = ['settlement', 'ksh', 'postcode', 'county', 'eovY', 'eovX', 'lon', 'lat', 'x', 'y'] as const;

/** Report fields of a kind in display order: its own columns, then the location columns. */
export function fieldOrderOf(kind: ImportKind): string[] {
  return [...KIND_GUIDES[kind].columns.map((column) => column.field), ...LOCATION_FIELD_ORDER];
}
