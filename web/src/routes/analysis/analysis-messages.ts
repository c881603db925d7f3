import { localTranslator } from '$lib/coverage/local-translator';

const hu = {
  'analysis.title': 'Elemzések',
  'analysis.tabs': 'Elemzés',
  'analysis.tab.coverage': 'Lefedettség',
  'analysis.tab.catchments': 'Raktárak',
  'analysis.tab.needIndex': 'Szükségletindex',
  'analysis.tab.gap': 'Hiányok',
  'analysis.mapAria': 'Elemzési térkép',
  'analysis.mapError': 'A térkép nem jeleníthető meg (WebGL szükséges).',
  'analysis.loadingMap': 'Térkép betöltése…',
  'analysis.catalogError': 'A mutatók listája nem tölthető be.',
  'analysis.computing': 'Számítás…',
  'analysis.legend': 'Jelmagyarázat',
  'analysis.tooltip.settlement': 'Település',
  'analysis.tooltip.population': 'Népesség',
  'analysis.tooltip.load': 'Terhelés',
  'analysis.tooltip.utilisation': 'Kihasználtság',
  'analysis.tooltip.settlements': 'Települések',
  'analysis.attribution.h3': 'H3 hatszögrács (Uber, Apache-2.0)',
} as const;

type Key = keyof typeof hu;

const en: Record<Key, string> = {
  'analysis.title': 'Analyses',
  'analysis.tabs': 'Analysis',
  'analysis.tab.coverage': 'Coverage',
  'analysis.tab.catchments': 'Warehouses',
  'analysis.tab.needIndex': 'Need index',
  'analysis.tab.gap': 'Gaps',
  'analysis.mapAria': 'Analysis map',
  'analysis.mapError': 'The map cannot be shown (WebGL is required).',
  'analysis.loadingMap': 'Loading the map…',
  'analysis.catalogError': 'The indicator list could not be loaded.',
  'analysis.computing': 'Computing…',
  'analysis.legend': 'Legend',
  'analysis.tooltip.settlement': 'Settlement',
  'analysis.tooltip.population': 'Population',
  'analysis.tooltip.load': 'Load',
  'analysis.tooltip.utilisation': 'Utilisation',
  'analysis.tooltip.settlements': 'Settlements',
  'analysis.attribution.h3': 'H3 hexagon grid (Uber, Apache-2.0)',
};

export const ta = localTranslator<Key>(hu, en);
