import { suppressSmallCount, type CoverageSummary, type CoverageTotals, type DistanceMethod, type SettlementReach } from '@terep/db';

function totals(places: readonly SettlementReach[], outskirts: (place: SettlementReach) => number): CoverageTotals {
  const sum = (pick: (place: SettlementReach) => number | null) => places.reduce((total, place) => total + (pick(place) ?? 0), 0);
  const anyHouseholds = places.some((place) => place.households !== null);
  const anyPersons = places.some((place) => place.persons !== null);
  return {
    settlements: places.length,
    population: sum((place) => place.population),
    outskirtsPopulation2011: sum(outskirts),
    households: anyHouseholds ? suppressSmallCount(sum((place) => place.households)) : null,
    persons: anyPersons ? suppressSmallCount(sum((place) => place.persons)) : null,
  };
}

/**
 * Covered and uncovered population and need, and the uncovered places ranked by
 * need: the chosen indicator in its need direction first, then need-signal
 * households, then population.
 */
export function summariseCoverage(
  places: readonly SettlementReach[],
  options: { reachKm: number; distanceMethod: DistanceMethod; services: number; needDirection: number; limit: number },
): CoverageSummary {
  const covered = places.filter((place) => place.covered);
  const uncovered = places.filter((place) => !place.covered);
  const direction = options.needDirection === 0 ? 1 : options.needDirection;
  const byNeed = (a: SettlementReach, b: SettlementReach) =>
    a.need === null ? (b.need === null ? 0 : 1) : b.need === null ? -1 : (b.need - a.need) * direction;
  const ranked = [...uncovered].sort((a, b) =>
    byNeed(a, b)
    || (b.households ?? 0) - (a.households ?? 0)
    || b.population - a.population
    || a.code.localeCompare(b.code));
  return {
    reachKm: options.reachKm,
    distanceMethod: options.distanceMethod,
    services: options.services,
    covered: { ...totals(covered, (place) => place.coveredOutskirtsPopulation2011) },
    uncovered: {
      ...totals(uncovered, (place) => place.outskirtsPopulation2011),
      // Outskirts of covered settlements can still be out of reach: count them with the uncovered.
      outskirtsPopulation2011: places.reduce((total, place) => total + place.outskirtsPopulation2011 - place.coveredOutskirtsPopulation2011, 0),
    },
    neediestUncovered: ranked.slice(0, options.limit).map((place) => ({
      code: place.code,
      name: place.name,
      population: place.population,
      distanceKm: place.distanceKm,
      households: suppressSmallCount(place.households),
      persons: suppressSmallCount(place.persons),
      need: place.need,
    })),
    bySettlement: Object.fromEntries(places.map((place) => [place.code, { distanceKm: place.distanceKm, covered: place.covered }])),
  };
}
