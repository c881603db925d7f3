/** One hexagon of `GET /api/heatmap/h3`; counts below 5 are null with a flag, never exact. */
export interface HexCell {
  h3: string;
  points: number;
  population: number;
  households: number | null;
  householdsBelowThreshold: boolean;
  persons: number | null;
  personsBelowThreshold: boolean;
  /** Population-weighted mean of the indicator over the cell's settlements. */
  value: number | null;
}

export interface HexAnswer {
  resolution: number;
  indicator: string | null;
  categories: string[];
  cells: HexCell[];
}

/** What the hexagons show: need-signal households or persons, population, or an indicator's value. */
export type HexMeasure = 'households' | 'persons' | 'population' | 'indicator';

export const HEX_MEASURES: readonly HexMeasure[] = ['households', 'persons', 'population', 'indicator'];
