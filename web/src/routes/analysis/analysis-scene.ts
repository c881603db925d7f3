import type { DrawnSite, CatchmentFeature } from '$lib/catchments/catchment-features';
import type { HexCell, HexMeasure } from '$lib/heatmap/heatmap-types';
import type { ColorScale } from '$lib/indicators/color-scale';
import type { InstitutionFeature } from '$lib/org-layers/org-layer-types';
import type { ThematicScene } from '$lib/map/thematic-map';
import type { ProgrammeLayersView } from '$lib/programmes/programme-layer-ids';

/**
 * What the analysis map draws, as plain data: the page builds it from the panels' state, the map
 * (loaded lazily with maplibre, deck.gl and h3-js) turns it into layers.
 */
export interface AnalysisScene extends ThematicScene {
  institutions: readonly InstitutionFeature[] | null;
  catchments: { features: readonly CatchmentFeature[]; sites: readonly DrawnSite[] } | null;
  hexagons: { cells: readonly HexCell[]; measure: HexMeasure; scale: ColorScale; styleKey: string } | null;
  /** The programme layers switched on (action areas, partners, helpers, cases, activities). */
  programmes: ProgrammeLayersView | null;
}

export const EMPTY_SCENE: AnalysisScene = { key: 'base', fills: null, institutions: null, catchments: null, hexagons: null, programmes: null };
