import type { DistanceMethod, TravelUnit } from './coverage.ts';
import type { MessageParams } from './common.ts';

/** The four location models: p-median, maximal covering, set covering, p-center. */
export type PlanModel = 'pmedian' | 'mclp' | 'lscp' | 'pcenter';
export const PLAN_MODELS: readonly PlanModel[] = ['pmedian', 'mclp', 'lscp', 'pcenter'];

/** `auto`: exact when the instance is small enough, the heuristic beyond. */
export type PlanMethod = 'auto' | 'exact' | 'heuristic';
export const PLAN_METHODS: readonly PlanMethod[] = ['auto', 'exact', 'heuristic'];


/**
 * Demand weight per settlement: residents, a saved need index (0–100), need-signal counts, or
 * residents × need index / 100.
 */
export type DemandWeightKind = 'population' | 'need-index' | 'need-signals' | 'population-need-index';
export const DEMAND_WEIGHT_KINDS: readonly DemandWeightKind[] = ['population', 'need-index', 'need-signals', 'population-need-index'];

export interface DemandWeight {
  kind: DemandWeightKind;
  /** A saved need index (`need_index_*`), for the need-index kinds. */
  needIndex?: string;
  /** Which need-signal count, for `need-signals` (default households). */
  signal?: 'households' | 'persons';
}

/** Where new sites may open: every settlement of the planning area, a list of settlement codes, or one county's settlements. */
export type CandidateChoice = { kind: 'all' } | { kind: 'list'; codes: string[] } | { kind: 'county'; county: string };

/** `POST /api/plans`. */
export interface PlanRequestBody {
  /** Shown in the scenario list; a default is made from the model when absent. */
  name?: string;
  model: PlanModel;
  /** Institution type key: its existing institutions stay open and count as sites. */
  serviceType: string;
  /** Planning area: a county's settlements are the demand (and the default candidates); the whole country when absent. */
  county?: string | null;
  /** New sites to open on top of the existing institutions (p-median, MCLP, p-center). */
  p?: number;
  /** Reach in km or in minutes (one of them): the model's radius for MCLP and LSCP, the reported one otherwise. Minutes make the models use travel times. */
  reachKm?: number;
  reachMinutes?: number;
  /** Each site serves at most its capacity (p-median and MCLP, exact solver only). */
  capacitated?: boolean;
  /** Capacity of each new site in units of the demand weight; existing institutions use their own when recorded. */
  capacity?: number;
  weight?: DemandWeight;
  candidates?: CandidateChoice;
  method?: PlanMethod;
  timeLimitSeconds?: number;
}

export type PlanRunStatus = 'running' | 'done' | 'failed';

/** How far the answer is proven: optimal, stopped at the time limit with a proven gap, or a heuristic answer. */
export type PlanSolveStatus = 'optimal' | 'limit' | 'heuristic';

export type PlanStage = 'loading-inputs' | 'distances' | 'heuristic' | 'exact' | 'saving';

/** One server-sent `progress` event of `GET /api/plans/:id/events`. */
export interface PlanProgress {
  stage: PlanStage;
  /** Since the run started. */
  elapsedSeconds: number;
  /** Objective of the best plan so far (model units), when one is known. */
  objective?: number | null;
  /** Proven bound and relative gap so far, when an exact solver reported them. */
  bound?: number | null;
  gap?: number | null;
  /** Sizes or methods, e.g. "212 demand points × 215 candidates". */
  detail?: string;
}

export interface PlanError {
  code: string;
  message: string;
  /** The values the web words the error from (absent in scenarios saved before they existed). */
  params?: MessageParams;
}

/** An open site of a plan: a new one in a settlement, or an existing institution. */
export interface PlanSite {
  /** The settlement code for a new site, `institution:<id>` for an existing one. */
  id: string;
  kind: 'new' | 'existing';
  /** Settlement code (where an institution stands). */
  code: string;
  /** The settlement's name for a new site, the institution's for an existing one. */
  name: string;
  settlementName: string;
  lon: number;
  lat: number;
  capacity: number | null;
  /** Settlements and residents assigned to it (capacity splits counted by share). */
  served: { settlements: number; population: number };
}

/** A demand point's share sent to a site, at a distance in the plan's unit. */
export interface PlanAssignment {
  code: string;
  lon: number;
  lat: number;
  site: string;
  share: number;
  distance: number;
}

/** Figures of the existing institutions alone (before) or with the plan's new sites (after). */
export interface PlanFigures {
  sites: number;
  population: number;
  /** Residents within the reach of an open site (of their assigned site under capacities). */
  coveredPopulation: number;
  coveredShare: number;
  /** Demand weight within reach, and in total; null where need-signal counts fall below the small-count threshold. */
  coveredWeight: number | null;
  totalWeight: number | null;
  /** Resident-weighted mean and largest distance to the nearest (or assigned) open site; null without any site. */
  meanDistance: number | null;
  maxDistance: number | null;
}

/**
 * A warning about a finished plan, as a stable code with parameters the web translates.
 * `MOSTLY_ZERO_WEIGHT`: most settlements of the planning area carry no demand weight (e.g. need signals in a
 * few places); the plan serves only the `weighted` settlements, the `zero` others are left out of it.
 */
export interface PlanWarning {
  code: 'MOSTLY_ZERO_WEIGHT';
  params: { zero: number; weighted: number; weight: DemandWeightKind };
}

/** A finished plan, as `GET /api/plans/:id` gives it. */
export interface PlanOutcome {
  model: PlanModel;
  unit: TravelUnit;
  /**
   * What each demand point weighs, so what the objective counts: p-median, weight × distance unit (person-km
   * for residents, household-km for signalled households); MCLP, the weight within reach; LSCP, sites; p-center,
   * the longest distance to a weighted settlement.
   */
  weight: DemandWeight;
  /** Settlements of the planning area left out because their weight is zero: they are in no line and no figure. */
  zeroWeight: number;
  warnings: PlanWarning[];
  /** The reach the coverage figures use (the model's own for MCLP and LSCP). */
  reach: number;
  /**
   * p-median: total weighted distance; MCLP: covered weight; LSCP: number of sites; p-center: largest distance.
   * Null for an MCLP on need-signal counts when the covered count is below the small-count threshold, and always
   * for a p-median on need-signal counts (with the distances shown, the weighted sum would give small counts away).
   */
  objective: number | null;
  bound: number | null;
  gap: number | null;
  status: PlanSolveStatus;
  /** In English, e.g. "highs 1.15.1, radius formulation, fast-interchange VNS start". */
  solver: string;
  /** The method as a stable code (e.g. `pmedian-radius-vns-start`) and the MILP library, for the web to word; absent in plans saved before. */
  solverMethod?: string;
  solverLibrary?: string | null;
  seconds: number;
  distanceMethod: DistanceMethod;
  demandPoints: number;
  candidates: number;
  /** [minLon, minLat, maxLon, maxLat] of the demand points: the planning area on a map. */
  bbox: [number, number, number, number];
  sites: PlanSite[];
  assignments: PlanAssignment[];
  before: PlanFigures;
  after: PlanFigures;
  /** Per demand point (settlement code): within reach only thanks to the plan, within reach already, or out of reach. */
  coverageBySettlement: Record<string, PlanCoverageClass>;
  /** Demand points and sites left out because the road network cannot reach them. */
  excluded: string[];
}

/** A settlement under a plan: most of its residents within reach only with the new sites, already before, or not at all. */
export type PlanCoverageClass = 'newly-covered' | 'covered' | 'uncovered';

/** Figures of a scenario without its assignments: the list and comparisons read these. */
export interface PlanSummary {
  model: PlanModel;
  unit: TravelUnit;
  weight: DemandWeight;
  zeroWeight: number;
  warnings: PlanWarning[];
  reach: number;
  objective: number | null;
  gap: number | null;
  status: PlanSolveStatus;
  /** In English, e.g. "highs 1.15.1, radius formulation, fast-interchange VNS start". */
  solver: string;
  /** The method as a stable code (e.g. `pmedian-radius-vns-start`) and the MILP library, for the web to word; absent in plans saved before. */
  solverMethod?: string;
  solverLibrary?: string | null;
  seconds: number;
  distanceMethod: DistanceMethod;
  before: PlanFigures;
  after: PlanFigures;
}

/** One saved scenario of `GET /api/plans`. */
export interface PlanScenario {
  id: number;
  name: string;
  createdAt: string;
  status: PlanRunStatus;
  request: PlanRequestBody;
  summary: PlanSummary | null;
  sites: PlanSite[] | null;
  error: PlanError | null;
}

/** `GET /api/plans/:id`: the scenario, its progress so far (while it runs) and, when done, the plan. */
export interface PlanDetail extends PlanScenario {
  progress: PlanProgress[];
  result: PlanOutcome | null;
}

/** `POST /api/plans` answers 202 with the run's id. */
export interface PlanStarted {
  id: number;
}

/**
 * Server-sent events of `GET /api/plans/:id/events`: `progress` (a {@link PlanProgress}) as the
 * run goes, then one `done` or `failed`.
 */
export interface PlanDoneEvent {
  id: number;
  summary: PlanSummary;
}

export interface PlanFailedEvent {
  id: number;
  error: PlanError;
}
