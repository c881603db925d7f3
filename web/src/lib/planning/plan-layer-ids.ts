/** deck.gl layer ids of the planning map (the tooltip tells objects apart by them). */
export const PLAN_LAYER_ID = {
  lines: 'plan-assignments',
  existing: 'plan-existing-sites',
  proposed: 'plan-new-sites',
  labels: 'plan-new-site-labels',
} as const;
