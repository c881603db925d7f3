/**
 * Weights that turn constraint violations into cost, so the search may cross infeasible space.
 * Time warp (Nagata et al. 2010: arriving late is paid as if travelling back in time) and
 * excess duration share one weight.
 */
export interface Penalties {
  load: number;
  timeWarp: number;
}

export function scalePenalties(penalties: Penalties, factor: number): Penalties {
  return { load: penalties.load * factor, timeWarp: penalties.timeWarp * factor };
}
