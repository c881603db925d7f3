import { buildColorScale, type ColorScale } from '$lib/indicators/color-scale';
import type { IndicatorMeta } from '$lib/indicators/indicator-types';
import type { HexCell, HexMeasure } from './heatmap-types';

/** Cells with signals below 5: drawn, but in their own colour and labelled "<5", never a number. */
export const WITHHELD_COLOR = '#c9b8d9';

/** The count or value a cell shows; `withheld` when it is a count below 5. */
export function cellValue(cell: HexCell, measure: HexMeasure): { value: number | null; withheld: boolean } {
  switch (measure) {
    case 'households':
      return { value: cell.households, withheld: cell.householdsBelowThreshold };
    case 'persons':
      return { value: cell.persons, withheld: cell.personsBelowThreshold };
    case 'population':
      return { value: cell.population, withheld: false };
    case 'indicator':
      return { value: cell.value, withheld: false };
  }
}

/** Whether a cell is drawn: it has a value, or a count withheld below 5. */
export function isDrawn(cell: HexCell, measure: HexMeasure): boolean {
  const { value, withheld } = cellValue(cell, measure);
  return value !== null || withheld;
}

const COUNT_META: IndicatorMeta = {
  key: 'hex-count',
  title: { hu: '', en: '' },
  unit: { hu: '', en: '' },
  kind: 'numeric',
  needDirection: 1,
  levels: ['settlement'],
  years: [],
  attribution: [],
};

const POPULATION_META: IndicatorMeta = { ...COUNT_META, key: 'hex-population', needDirection: 0 };

/** Quantile classes of what the drawn cells show: warm for need, cool for population. */
export function hexScale(cells: readonly HexCell[], measure: HexMeasure, indicator: IndicatorMeta | null): ColorScale {
  const values = cells.flatMap((cell) => {
    const { value } = cellValue(cell, measure);
    return value === null ? [] : [value];
  });
  if (measure === 'indicator' && indicator) return buildColorScale({ ...indicator, kind: 'numeric' }, values);
  return buildColorScale(measure === 'population' ? POPULATION_META : COUNT_META, values);
}
