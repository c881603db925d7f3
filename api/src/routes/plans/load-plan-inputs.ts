import {
  countyExists,
  institutionTypeExists,
  listNeedIndices,
  planningDemand,
  planningInstitutions,
  planningSettlements,
  DEFAULT_REACH,
  roundToMetres,
  type DemandWeight,
  type DistanceMethod,
  type Engine,
  type PlanningDemandPoint,
  type PlanSite,
  type TravelUnit,
} from '@terep/db';
import { ApiError } from '../../http/api-error.ts';
import { createLocationInstance, type LocationInstance } from '../../planning/location-instance.ts';
import type { PlanRequest } from '../../planning/plan-request.ts';
import { PlanningError } from '../../planning/planning-error.ts';
import { EXACT_SIZE_LIMIT } from '../../planning/solve-plan.ts';
import { travelMatrix } from '../../travel/travel-matrix.ts';
import type { PlanBody } from './plan-body.ts';

/**
 * Price of a pair the road network cannot connect although both ends lie on it
 * (separate islands of the graph): finite, as the solvers need, and far beyond
 * any real trip, so no plan relies on it.
 */
const UNCONNECTED = 100_000;

export type CandidateSite = Omit<PlanSite, 'served'>;

export interface DemandPoint {
  code: string;
  name: string;
  lon: number;
  lat: number;
}

/** A plan request turned into a location problem, with what the answer needs to name its indices. */
export interface PlanInputs {
  demand: DemandPoint[];
  candidates: CandidateSite[];
  population: Float64Array;
  instance: LocationInstance;
  /** The solver's request: p counts the existing institutions too. */
  request: PlanRequest;
  unit: TravelUnit;
  reach: number;
  distanceMethod: DistanceMethod;
  /** Need-signal weights are counts of few families: small sums are never shown exactly. */
  countWeights: boolean;
  weight: DemandWeight;
  /** Settlements of the planning area without weight: out of the instance, the lines and the figures. */
  zeroWeight: number;
  excluded: string[];
}

export type InputStage = { stage: 'loading-inputs' | 'distances'; detail?: string };

/**
 * Reads demand, candidates and existing institutions from the database, checks
 * what can be checked before any distance is measured, then measures distances
 * through the travel seam (road network when loaded, else the estimate).
 */
export async function loadPlanInputs(engine: Engine, body: PlanBody, onStage: (stage: InputStage) => void): Promise<PlanInputs> {
  const db = engine.db;
  onStage({ stage: 'loading-inputs' });
  if (!(await institutionTypeExists(db, body.serviceType))) throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "serviceType": no service type "${body.serviceType}".`, { reason: 'unknown-service-type', serviceType: body.serviceType });
  for (const [field, code] of [['county', body.county], ['candidates.county', body.candidates.kind === 'county' ? body.candidates.county : null]] as const) {
    if (code && !(await countyExists(db, code))) throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "${field}": no county with code ${code}.`, { reason: 'unknown-county', field, county: code });
  }
  const needIndex = body.weight.needIndex;
  if (needIndex && !(await listNeedIndices(db)).some((index) => index.key === needIndex)) {
    throw new ApiError(404, 'INDICATOR_NOT_FOUND', `No saved need index "${needIndex}".`, { indicator: needIndex });
  }

  const areaRows = await planningDemand(db, { countyCode: body.county, needIndicator: needIndex });
  const candidateRows = await candidateSettlements(engine, body);
  const institutions = await planningInstitutions(db, { typeKey: body.serviceType, countyCode: body.county });
  // A settlement without weight changes no objective: it is no demand point, so no line and no figure counts it.
  const demandRows = areaRows.filter((row) => demandWeight(row, body.weight) > 0);
  const weights = demandRows.map((row) => demandWeight(row, body.weight));
  if (demandRows.length === 0) {
    throw new PlanningError('INFEASIBLE', `No demand to plan for: the ${describeWeight(body.weight)} is zero or missing in every settlement of the planning area.`, { reason: 'no-demand', weight: body.weight.kind });
  }
  const p = body.p ?? 0;
  if (body.model !== 'lscp' && p > candidateRows.length) {
    throw new PlanningError('INFEASIBLE', `p = ${p} new sites exceed the ${candidateRows.length} candidate settlement${candidateRows.length === 1 ? '' : 's'}.`, { reason: 'p-exceeds-candidates', p, candidates: candidateRows.length });
  }
  const pairs = demandRows.length * (candidateRows.length + institutions.length);
  if (body.capacitated && (body.method === 'heuristic' || (body.method === 'auto' && pairs > EXACT_SIZE_LIMIT))) {
    throw new PlanningError(
      'UNSUPPORTED',
      body.method === 'heuristic'
        ? 'Capacitated plans are solved exactly only: choose the exact or automatic method.'
        : `Capacitated plans are solved exactly only, up to ${EXACT_SIZE_LIMIT.toLocaleString('en')} demand × candidate pairs; this one has ${pairs.toLocaleString('en')}: choose a county or fewer candidates.`,
      body.method === 'heuristic' ? { reason: 'capacitated-heuristic' } : { reason: 'capacitated-too-large', limit: EXACT_SIZE_LIMIT, pairs },
    );
  }

  const candidates: CandidateSite[] = [
    ...candidateRows.map((row): CandidateSite => ({
      id: row.code, kind: 'new', code: row.code, name: row.name, settlementName: row.name, lon: row.lon, lat: row.lat, capacity: body.capacitated ? body.capacity! : null,
    })),
    ...institutions.map((institution): CandidateSite => ({
      id: `institution:${institution.id}`,
      kind: 'existing',
      code: institution.settlementCode,
      name: institution.name,
      settlementName: institution.settlementName,
      lon: institution.lon,
      lat: institution.lat,
      capacity: body.capacitated ? (institution.capacity ?? body.capacity!) : institution.capacity,
    })),
  ];

  onStage({ stage: 'distances', detail: `${demandRows.length} × ${candidates.length}` });
  const matrix = await travelMatrix(engine, demandRows, candidates);
  const unit: TravelUnit = body.reachMinutes !== undefined ? 'minutes' : 'km';
  const measured = unit === 'minutes' ? matrix.durationMin : matrix.distanceKm;

  // Points the road network cannot reach are left out and listed, never priced at random.
  const droppedDemand = new Set(matrix.unroutable.origins);
  const droppedCandidates = new Set(matrix.unroutable.destinations);
  const keptDemand = demandRows.flatMap((_, i) => (droppedDemand.has(i) ? [] : [i]));
  const keptCandidates = candidates.flatMap((_, j) => (droppedCandidates.has(j) ? [] : [j]));
  const m = candidates.length;
  const distances = new Float64Array(keptDemand.length * keptCandidates.length);
  keptDemand.forEach((i, row) => {
    keptCandidates.forEach((j, column) => {
      const value = measured[i * m + j]!;
      // Whole metres (thousandths of a minute), as coverage measures them: a settlement exactly at the reach is covered by every model.
      distances[row * keptCandidates.length + column] = Number.isFinite(value) ? roundToMetres(value) : UNCONNECTED;
    });
  });
  const sites = keptCandidates.map((j) => candidates[j]!);
  const demand = keptDemand.map((i) => demandRows[i]!);
  const fixedOpen = sites.flatMap((site, j) => (site.kind === 'existing' ? [j] : []));
  const instance = createLocationInstance({
    demandIds: demand.map((row) => row.code),
    candidateIds: sites.map((site) => site.id),
    weights: Float64Array.from(keptDemand, (i) => weights[i]!),
    distances,
    fixedOpen,
    capacities: body.capacitated ? Float64Array.from(sites, (site) => site.capacity!) : undefined,
  });
  const reach = roundToMetres(body.reachKm ?? body.reachMinutes ?? DEFAULT_REACH[unit]);
  return {
    demand: demand.map((row) => ({ code: row.code, name: row.name, lon: row.lon, lat: row.lat })),
    candidates: sites,
    population: Float64Array.from(demand, (row) => row.population2024),
    instance,
    request: solverRequest(body, fixedOpen.length, reach),
    unit,
    reach,
    distanceMethod: matrix.method,
    countWeights: body.weight.kind === 'need-signals',
    weight: body.weight,
    zeroWeight: areaRows.length - demandRows.length,
    excluded: [...[...droppedDemand].map((i) => demandRows[i]!.code), ...[...droppedCandidates].map((j) => candidates[j]!.id)],
  };
}

async function candidateSettlements(engine: Engine, body: PlanBody) {
  const choice = body.candidates;
  if (choice.kind === 'all') return planningSettlements(engine.db, { countyCode: body.county });
  if (choice.kind === 'county') return planningSettlements(engine.db, { countyCode: choice.county });
  const codes = [...new Set(choice.codes)];
  const found = await planningSettlements(engine.db, { codes });
  if (found.length < codes.length) {
    const known = new Set(found.map((row) => row.code));
    const unknown = codes.filter((code) => !known.has(code));
    throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "candidates.codes": no settlement with code ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`, { reason: 'unknown-settlements', codes: unknown.slice(0, 5).join(', '), count: unknown.length });
  }
  return found;
}

function demandWeight(row: PlanningDemandPoint, weight: PlanBody['weight']): number {
  switch (weight.kind) {
    case 'population':
      return row.population2024;
    case 'need-index':
      return row.need ?? 0;
    case 'population-need-index':
      return (row.population2024 * (row.need ?? 0)) / 100;
    case 'need-signals':
      return (weight.signal === 'persons' ? row.persons : row.households) ?? 0;
  }
}

function describeWeight(weight: PlanBody['weight']): string {
  if (weight.kind === 'need-signals') return `need-signal ${weight.signal ?? 'households'} count`;
  if (weight.kind === 'population') return 'population';
  return `need index ${weight.needIndex}`;
}

/** The API's p counts new sites; the solvers' p counts every open site, the existing ones included. */
function solverRequest(body: PlanBody, fixedCount: number, reach: number): PlanRequest {
  const p = (body.p ?? 0) + fixedCount;
  switch (body.model) {
    case 'pmedian':
      return { model: 'pmedian', p, capacitated: body.capacitated };
    case 'mclp':
      return { model: 'mclp', p, radius: reach, capacitated: body.capacitated };
    case 'lscp':
      return { model: 'lscp', radius: reach };
    case 'pcenter':
      return { model: 'pcenter', p };
  }
}
