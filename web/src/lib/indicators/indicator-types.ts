import type { Attribution, Localized, UnitLevel } from '$lib/api/contract';

/** -1: lower values mean more need; 1: higher values mean more need; 0: descriptive. */
export type NeedDirection = -1 | 0 | 1;

export interface IndicatorCategory {
  value: number;
  label: Localized;
  /**
   * Optional need rank (higher = more need; equal ranks share a colour). When the server
   * sends it, it orders the colours instead of `value` x `needDirection`.
   */
  need?: number;
}

export interface IndicatorMeta {
  key: string;
  title: Localized;
  unit: Localized;
  kind: 'numeric' | 'category';
  needDirection: NeedDirection;
  levels: UnitLevel[];
  years: number[];
  attribution: Attribution[];
  categories?: IndicatorCategory[];
}

export interface IndicatorCatalog {
  indicators: IndicatorMeta[];
}

export interface IndicatorValues {
  key: string;
  level: UnitLevel;
  year: number;
  /** KSH code -> value. Units without a value are missing. */
  values: Record<string, number>;
}
