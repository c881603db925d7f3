export type {
  CatchmentAnswer,
  CatchmentDifference,
  CatchmentMode,
  CatchmentRequest,
  CatchmentResult,
  CatchmentScenario,
  DemandMeasure,
  SiteCatchment,
  WarehouseSite,
} from '@terep/db/contract';
export { CAPACITY_UNIT, CATCHMENT_MODES, DEMAND_MEASURES } from '@terep/db/contract';
