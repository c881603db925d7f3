import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  ActionAreaFeatureProperties,
  ActivityPointProperties,
  CaseDensityProperties,
  HelperAreaProperties,
  PartnerSeatProperties,
} from '@terep/db/contract';
import type { LabelPoint } from '$lib/map/label-points';

/* The programme layers' shapes and ids, free of deck.gl (the pages import them; the layers load with the map). */

export type AreaFeature = Feature<Polygon | MultiPolygon, ActionAreaFeatureProperties>;
export type HelperAreaFeature = Feature<Polygon | MultiPolygon, HelperAreaProperties>;
export type PartnerSeatFeature = Feature<Point, PartnerSeatProperties>;
export type CaseDensityFeature = Feature<Point, CaseDensityProperties>;
export type ActivityFeature = Feature<Point, ActivityPointProperties>;

/** What the programme layers draw; each part is null when its layer is off. */
export interface ProgrammeLayersView {
  areas: readonly AreaFeature[] | null;
  helpers: readonly HelperAreaFeature[] | null;
  partners: readonly PartnerSeatFeature[] | null;
  cases: { features: readonly CaseDensityFeature[]; radiusOf: (feature: CaseDensityFeature) => number; labels: readonly LabelPoint[]; styleKey: string } | null;
  /** The activities up to the time slider's month. */
  activities: { features: readonly ActivityFeature[]; styleKey: string } | null;
}

export const PROGRAMME_LAYER_ID = {
  areas: 'programme-areas',
  overlap: 'programme-areas-overlap',
  helpers: 'helper-areas',
  partners: 'partner-seats',
  cases: 'case-density',
  caseLabels: 'case-density-labels',
  activities: 'programme-activities',
} as const;

/** What the pointer is over among the programme layers. */
export type ProgrammeHit =
  | { layer: 'programme-areas'; properties: ActionAreaFeatureProperties }
  | { layer: 'helper-areas'; properties: HelperAreaProperties }
  | { layer: 'partner-seats'; properties: PartnerSeatProperties }
  | { layer: 'case-density'; properties: CaseDensityProperties }
  | { layer: 'programme-activities'; properties: ActivityPointProperties };

export function programmeHitOf(layerId: string, object: unknown): ProgrammeHit | null {
  const properties = (object as { properties?: unknown } | null)?.properties;
  if (!properties) return null;
  switch (layerId) {
    case PROGRAMME_LAYER_ID.areas:
      return { layer: 'programme-areas', properties: properties as ActionAreaFeatureProperties };
    case PROGRAMME_LAYER_ID.helpers:
      return { layer: 'helper-areas', properties: properties as HelperAreaProperties };
    case PROGRAMME_LAYER_ID.partners:
      return { layer: 'partner-seats', properties: properties as PartnerSeatProperties };
    case PROGRAMME_LAYER_ID.cases:
      return { layer: 'case-density', properties: properties as CaseDensityProperties };
    case PROGRAMME_LAYER_ID.activities:
      return { layer: 'programme-activities', properties: properties as ActivityPointProperties };
    default:
      return null;
  }
}
