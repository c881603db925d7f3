import { localTranslator } from '$lib/coverage/local-translator';

const hu = {
  'heatmap.title': 'H3 hatszögrács',
  'heatmap.toggle': 'Hatszögréteg megjelenítése',
  'heatmap.smooth': 'Folytonos hőtérkép a szükségletjelzésekből (5 alatti számok nélkül)',
  'heatmap.measure': 'Mit mutasson?',
  'heatmap.measure.households': 'Jelzett háztartások',
  'heatmap.measure.persons': 'Jelzett személyek',
  'heatmap.measure.population': 'Népesség',
  'heatmap.measure.indicator': 'Mutató (népességgel súlyozott átlag)',
  'heatmap.indicator': 'Mutató',
  'heatmap.resolution': 'Felbontás: H3 {resolution} (a nagyítás szerint)',
  'heatmap.cells': '{count} hatszög',
  'heatmap.empty': 'Nincs megjeleníthető adat: importáljon szükségletjelzéseket, vagy válasszon más mérőszámot.',
  'heatmap.error': 'A hatszögréteg nem tölthető be.',
  'heatmap.loading': 'Hatszögek betöltése…',
  'heatmap.withheld': '<5 (nem közölhető pontosan)',
  'heatmap.legend': 'Hatszögek: {measure}',
  'heatmap.tooltip.title': 'H3 hatszög',
  'heatmap.tooltip.settlements': 'Települések',
  'heatmap.tooltip.population': 'Népesség',
  'heatmap.tooltip.households': 'Jelzett háztartások',
  'heatmap.tooltip.persons': 'Jelzett személyek',
  'heatmap.tooltip.value': 'Mutató (átlag)',
} as const;

type Key = keyof typeof hu;

const en: Record<Key, string> = {
  'heatmap.title': 'H3 hexagon grid',
  'heatmap.toggle': 'Show the hexagon layer',
  'heatmap.smooth': 'Smooth heatmap of need signals (counts below 5 never exact)',
  'heatmap.measure': 'Show',
  'heatmap.measure.households': 'Signalled households',
  'heatmap.measure.persons': 'Signalled persons',
  'heatmap.measure.population': 'Population',
  'heatmap.measure.indicator': 'Indicator (population-weighted mean)',
  'heatmap.indicator': 'Indicator',
  'heatmap.resolution': 'Resolution: H3 {resolution} (follows the zoom)',
  'heatmap.cells': '{count} hexagons',
  'heatmap.empty': 'Nothing to show: import need signals, or choose another measure.',
  'heatmap.error': 'The hexagon layer could not be loaded.',
  'heatmap.loading': 'Loading hexagons…',
  'heatmap.withheld': '<5 (never shown exactly)',
  'heatmap.legend': 'Hexagons: {measure}',
  'heatmap.tooltip.title': 'H3 hexagon',
  'heatmap.tooltip.settlements': 'Settlements',
  'heatmap.tooltip.population': 'Population',
  'heatmap.tooltip.households': 'Signalled households',
  'heatmap.tooltip.persons': 'Signalled persons',
  'heatmap.tooltip.value': 'Indicator (mean)',
};

export const th = localTranslator<Key>(hu, en);
