export type { HexAnswer, HexCell } from '@terep/db/contract';

/** What the hexagons show: need-signal households or persons, population, or an indicator's value. */
export type HexMeasure = 'households' | 'persons' | 'population' | 'indicator';

export const HEX_MEASURES: readonly HexMeasure[] = ['households', 'persons', 'population', 'indicator'];
