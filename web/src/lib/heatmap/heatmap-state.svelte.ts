import { isAbortError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { ColorScale } from '$lib/indicators/color-scale';
import type { IndicatorMeta } from '$lib/indicators/indicator-types';
import type { FeatureCollection } from 'geojson';
import { fetchHexagons } from './heatmap-client';
import { fetchSmoothHeatmapPoints } from './smooth-heatmap';
import type { HexAnswer, HexCell, HexMeasure } from './heatmap-types';
import { resolutionForZoom } from './hex-resolution';
import { hexScale, isDrawn } from './hex-scale';

/** The H3 layer: on or off, what it measures, the resolution the zoom asks for, and its cells. */
export class HeatmapState {
  enabled = $state(false);
  /** The smooth need-signal heatmap, independent of the hexagons. */
  smooth = $state(false);
  smoothPoints = $state.raw<FeatureCollection | null>(null);
  measure = $state<HexMeasure>('households');
  indicator = $state.raw<IndicatorMeta | null>(null);
  zoom = $state(6);
  answer = $state.raw<HexAnswer | null>(null);
  error = $state.raw<unknown>(null);

  resolution = $derived(resolutionForZoom(this.zoom));
  /** The cells drawn for the measure (h3-js turns them into hexagons on the map side). */
  cells = $derived.by<HexCell[]>(() => (this.answer ? this.answer.cells.filter((cell) => isDrawn(cell, this.measure)) : []));
  scale = $derived.by<ColorScale | null>(() => (this.answer ? hexScale(this.cells, this.measure, this.indicator) : null));
  /** Changes whenever the hexagons' colours would. */
  styleKey = $derived(`${this.measure}|${this.indicator?.key ?? ''}|${this.answer?.resolution ?? ''}|${this.answer?.cells.length ?? 0}`);

  readonly request = new LatestRequest();
  get loading(): boolean {
    return this.request.loading;
  }
  #loadedKey = '';

  /** Fetches the cells when the layer is on and the resolution or indicator changed. */
  async sync(): Promise<void> {
    if (!this.enabled) return;
    const indicatorKey = this.measure === 'indicator' ? (this.indicator?.key ?? null) : null;
    if (this.measure === 'indicator' && !indicatorKey) return;
    const key = `${this.resolution}|${indicatorKey ?? ''}`;
    if (key === this.#loadedKey) return;
    this.error = null;
    await this.request.run(
      async (signal) => {
        this.answer = await fetchHexagons({ resolution: this.resolution, indicator: indicatorKey }, signal);
        this.#loadedKey = key;
      },
      { onError: (error) => (this.error = error) },
    );
  }

  /** Fetches the smooth heatmap's points when it is on (again after an import). */
  async syncSmooth(): Promise<void> {
    if (!this.smooth) {
      this.smoothPoints = null;
      return;
    }
    try {
      this.smoothPoints = await fetchSmoothHeatmapPoints();
    } catch (error) {
      if (!isAbortError(error)) this.error = error;
    }
  }

  /** Forget the cells (after an import changed the signals). */
  invalidate(): void {
    this.#loadedKey = '';
  }

  destroy(): void {
    this.request.destroy();
  }
}
