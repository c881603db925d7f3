/** A solution as every module exchanges it: routes of client indices (0-based into `data.clients`). */
export interface SolutionRoute {
  /** Index into `data.vehicleTypes`. */
  vehicleType: number;
  /** Client indices in visiting order, depots excluded. */
  clients: number[];
}

export interface Solution {
  routes: SolutionRoute[];
}
