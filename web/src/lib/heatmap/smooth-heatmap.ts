import type { FeatureCollection, Point } from 'geojson';
import { fetchJson } from '$lib/api/fetch-json';

/** Weight of a settlement whose count the server suppressed: the middle of 1–4, so no exact count is implied. */
const SUPPRESSED_WEIGHT = 2.5;

interface NeedSignalProperties {
  households: number | null;
  householdsBelowThreshold: boolean;
  persons: number | null;
  personsBelowThreshold: boolean;
}

/**
 * Need-signal points for the smooth heatmap: one point per settlement, weighted
 * by its households (persons where no households were given). Counts below 5
 * never reach the browser; they weigh the same middle value.
 */
export async function fetchSmoothHeatmapPoints(signal?: AbortSignal): Promise<FeatureCollection<Point, { weight: number }>> {
  const layer = await fetchJson<FeatureCollection<Point, NeedSignalProperties>>('/api/layers/need-signals', { cache: 'no-store', ...(signal ? { signal } : {}) });
  return {
    type: 'FeatureCollection',
    features: layer.features.map((feature) => {
      const p = feature.properties;
      const weight = p.households ?? (p.householdsBelowThreshold ? SUPPRESSED_WEIGHT : p.persons ?? (p.personsBelowThreshold ? SUPPRESSED_WEIGHT : 0));
      return { type: 'Feature', geometry: feature.geometry, properties: { weight } };
    }),
  };
}
