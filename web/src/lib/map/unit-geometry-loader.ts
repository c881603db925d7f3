import type { Bbox } from '$lib/api/contract';
import { bboxContains, padBbox } from './bbox';
import type { MapViewport, UnitCollection, UnitLayerId } from './unit-layer-types';
import { bucketOf, requestZoomOf, type ZoomBucket } from './zoom-bucket';

export type FetchUnitLayer = (layerId: UnitLayerId, zoom: number, bbox?: Bbox) => Promise<UnitCollection>;

/** Replaces the coarse features of `base` by the detailed ones of `detail` with the same code. */
export function mergeDetail(base: UnitCollection, detail: UnitCollection): UnitCollection {
  const detailed = new Set(detail.features.map((feature) => feature.properties.code));
  return {
    type: 'FeatureCollection',
    features: [...base.features.filter((feature) => !detailed.has(feature.properties.code)), ...detail.features],
  };
}

interface DetailEntry {
  layerId: UnitLayerId;
  bucket: ZoomBucket;
  bbox: Bbox;
  merged: Promise<UnitCollection>;
}

/** Extra area fetched around the viewport, so small pans need no new request. */
const DETAIL_PADDING = 0.5;

/**
 * Loads unit boundaries for the current view: one whole-country request per layer and zoom
 * bucket, and for `byBbox` layers (settlements), above the lowest bucket, a detailed request
 * for the area around the viewport merged into the coarse whole-country set.
 */
export class UnitGeometryLoader {
  readonly #fetchLayer: FetchUnitLayer;
  readonly #whole = new Map<string, Promise<UnitCollection>>();
  #detail: DetailEntry | null = null;

  constructor(fetchLayer: FetchUnitLayer) {
    this.#fetchLayer = fetchLayer;
  }

  load(layerId: UnitLayerId, viewport: MapViewport, options: { byBbox: boolean }): Promise<UnitCollection> {
    const bucket = bucketOf(viewport.zoom);
    if (!options.byBbox || bucket === 0) return this.#loadWhole(layerId, bucket);

    const cached = this.#detail;
    if (cached && cached.layerId === layerId && cached.bucket === bucket && bboxContains(cached.bbox, viewport.bbox)) {
      return cached.merged;
    }
    const bbox = padBbox(viewport.bbox, DETAIL_PADDING);
    const merged = Promise.all([
      this.#loadWhole(layerId, 0),
      this.#fetchLayer(layerId, requestZoomOf(bucket), bbox),
    ]).then(([base, detail]) => mergeDetail(base, detail));
    const entry: DetailEntry = { layerId, bucket, bbox, merged };
    merged.catch(() => {
      if (this.#detail === entry) this.#detail = null;
    });
    this.#detail = entry;
    return merged;
  }

  /** The whole country at the lowest bucket (used for labels and the basemap). */
  loadCountry(layerId: UnitLayerId): Promise<UnitCollection> {
    return this.#loadWhole(layerId, 0);
  }

  #loadWhole(layerId: UnitLayerId, bucket: ZoomBucket): Promise<UnitCollection> {
    const key = `${layerId}|${bucket}`;
    let pending = this.#whole.get(key);
    if (!pending) {
      pending = this.#fetchLayer(layerId, requestZoomOf(bucket));
      pending.catch(() => this.#whole.delete(key));
      this.#whole.set(key, pending);
    }
    return pending;
  }
}
