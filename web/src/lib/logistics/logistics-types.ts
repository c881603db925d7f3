import type { LonLat } from '$lib/api/contract';
import type { RouteDepotInput, TimeWindow } from '@terep/db/contract';

export type {
  PlannedRoute,
  RouteDepotInput,
  RoutePlace,
  RoutePlan,
  RouteRequest,
  RouteScenario,
  RouteScenarioSummary,
  RouteStopInput,
  SavedRoutePlan,
  RouteVisit,
  StopListProblem,
  StopListReading,
  TimeWindow,
  UnroutableStop,
  UnservableStop,
} from '@terep/db/contract';

/** A depot as the panel holds it: a chosen warehouse or a settlement picked as one. */
export interface DepotDraft {
  key: string;
  name: string;
  /** The settlement's name beside a warehouse's own, for the list. */
  detail: string;
  position: LonLat;
  input: RouteDepotInput;
}

/** How a stop's amount was set when it came from need signals. */
export type AmountSource = 'households' | 'withheld' | 'no-count' | 'given';

/** A stop as the panel holds it, editable until the plan is made. */
export interface StopDraft {
  /** The settlement code: one stop per settlement. */
  key: string;
  settlementCode: string;
  name: string;
  position: LonLat;
  delivery: number;
  pickup: number;
  window: TimeWindow | null;
  amountSource: AmountSource;
}

/** A kind of van as the panel edits it; `depot` indexes the chosen depots. */
export interface VanDraft {
  name: string;
  count: number;
  capacity: number;
  from: string;
  to: string;
  costPerKm: number;
  depot: number;
}
