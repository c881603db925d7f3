import { suppressSmallCount, type CoverageRanking, type CoverageSummary, type CoverageTotals, type DistanceMethod, type SettlementReach } from '@terep/db';

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
 * The uncovered places in need, neediest first, by the stated rule: places with no need measure (no signal,
 * no indicator value) are not ranked at all, so population alone never fills the list.
 */
function rankUncovered(uncovered: readonly SettlementReach[], ranking: CoverageRanking): SettlementReach[] {
  const tieBreak = (a: SettlementReach, b: SettlementReach) => b.population - a.population || a.code.localeCompare(b.code);
  if (ranking.by === 'need-signals') {
    return uncovered
      .filter((place) => (place.households ?? 0) > 0 || (place.persons ?? 0) > 0)
      .sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || (b.persons ?? 0) - (a.persons ?? 0) || tieBreak(a, b));
  }
  return uncovered
    .filter((place) => place.need !== null)
    .sort((a, b) => (b.need! - a.need!) * ranking.needDirection || tieBreak(a, b));
}

/** Covered and uncovered population and need, and the uncovered places ranked by need (`rankUncovered`). */
export function summariseCoverage(
  places: readonly SettlementReach[],
  options: { reachKm: number; distanceMethod: DistanceMethod; services: number; ranking: CoverageRanking; limit: number },
): CoverageSummary {
  const covered = places.filter((place) => place.covered);
  const uncovered = places.filter((place) => !place.covered);
  const ranked = rankUncovered(uncovered, options.ranking);
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
    ranking: options.ranking,
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
