/** deck.gl layer ids of the coverage analysis (apart from the layers, which load with the map). */
export const COVERAGE_LAYER_ID = { institutions: 'coverage-institutions' } as const;
