/** The route map's deck.gl layer ids, apart from the layers themselves so the page can name them without loading deck.gl. */
export const LOGISTICS_LAYER_ID = {
  routes: 'logistics-routes',
  trips: 'logistics-trips',
  vans: 'logistics-vans',
  stops: 'logistics-stops',
  order: 'logistics-stop-order',
  names: 'logistics-stop-names',
  depots: 'logistics-depots',
} as const;
