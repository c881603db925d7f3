import { latLngToCell } from 'h3-js';
import { isSmallCount, suppressSmallCount, type HexCell, type SettlementPoint } from '@terep/db';

/** A settlement point with its need-signal sums and an indicator value to average (population-weighted). */
export type WeightedPoint = Omit<SettlementPoint, 'code'>;

/**
 * Aggregates points on the H3 grid at one resolution. Counts leave this
 * function already suppressed, so no caller can expose a small count.
 */
export function aggregateOnH3(points: Iterable<WeightedPoint>, resolution: number): HexCell[] {
  const cells = new Map<string, { points: number; population: number; households: number; hasHouseholds: boolean; persons: number; hasPersons: boolean; weighted: number; weight: number }>();
  for (const point of points) {
    const h3 = latLngToCell(point.lat, point.lon, resolution);
    let cell = cells.get(h3);
    if (!cell) {
      cell = { points: 0, population: 0, households: 0, hasHouseholds: false, persons: 0, hasPersons: false, weighted: 0, weight: 0 };
      cells.set(h3, cell);
    }
    cell.points += 1;
    cell.population += point.population;
    if (point.households !== null) {
      cell.households += point.households;
      cell.hasHouseholds = true;
    }
    if (point.persons !== null) {
      cell.persons += point.persons;
      cell.hasPersons = true;
    }
    if (point.value !== null) {
      // A point without population still counts once, so empty places do not vanish from the mean.
      const weight = Math.max(point.population, 1);
      cell.weighted += point.value * weight;
      cell.weight += weight;
    }
  }
  return [...cells].sort(([a], [b]) => a.localeCompare(b)).map(([h3, cell]) => {
    const households = cell.hasHouseholds ? cell.households : null;
    const persons = cell.hasPersons ? cell.persons : null;
    return {
      h3,
      points: cell.points,
      population: cell.population,
      households: suppressSmallCount(households),
      householdsBelowThreshold: isSmallCount(households),
      persons: suppressSmallCount(persons),
      personsBelowThreshold: isSmallCount(persons),
      value: cell.weight > 0 ? Math.round((cell.weighted / cell.weight) * 100) / 100 : null,
    };
  });
}
