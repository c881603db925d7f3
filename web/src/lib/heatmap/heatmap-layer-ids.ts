/** deck.gl layer id of the hexagons (apart from the layer, which loads with the map). */
export const HEATMAP_LAYER_ID = 'heatmap-hexagons';
