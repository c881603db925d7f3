/** The four models of location science the planner offers. */
export type LocationModel = 'pmedian' | 'mclp' | 'lscp' | 'pcenter';

export const LOCATION_MODELS: readonly LocationModel[] = ['pmedian', 'mclp', 'lscp', 'pcenter'];

/** Capacity options shared by the capacitated p-median and capacitated MCLP. */
export interface CapacityOptions {
  /** Each site serves at most its capacity (the instance must carry capacities). */
  capacitated?: boolean | undefined;
  /** Fixed (existing) sites must be used to their full capacity, as spopt's `fulfill_predefined_fac`. */
  fillFixed?: boolean | undefined;
}

/**
 * What to plan. `p` counts every open site, the fixed (existing) ones included,
 * as in the literature and spopt: "open 10 schools, 7 of which exist".
 */
export type PlanRequest =
  | ({ model: 'pmedian'; p: number } & CapacityOptions)
  | ({ model: 'mclp'; p: number; radius: number } & CapacityOptions)
  | { model: 'lscp'; radius: number }
  | { model: 'pcenter'; p: number };

export function isCapacitated(request: PlanRequest): boolean {
  return (request.model === 'pmedian' || request.model === 'mclp') && request.capacitated === true;
}
