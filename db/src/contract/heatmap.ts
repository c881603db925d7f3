/** One hexagon of `GET /api/heatmap/h3`; counts below the small-count threshold are null with a flag, never exact. */
export interface HexCell {
  h3: string;
  points: number;
  population: number;
  households: number | null;
  householdsBelowThreshold: boolean;
  persons: number | null;
  personsBelowThreshold: boolean;
  /** Population-weighted mean of the indicator over the cell's settlements that have it. */
  value: number | null;
}

/** `GET /api/heatmap/h3`. */
export interface HexAnswer {
  resolution: number;
  indicator: string | null;
  categories: string[];
  cells: HexCell[];
}
