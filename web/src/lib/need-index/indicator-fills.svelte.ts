import { isAbortError } from '$lib/api/api-error';
import { buildColorScale, type ColorScale } from '$lib/indicators/color-scale';
import { fetchIndicatorValues } from '$lib/indicators/indicators-client';
import type { IndicatorMeta, IndicatorValues } from '$lib/indicators/indicator-types';

/** An indicator (a saved need index, typically) drawn on the settlements: values, scale and fills. */
export class IndicatorFills {
  indicator = $state.raw<IndicatorMeta | null>(null);
  values = $state.raw<IndicatorValues | null>(null);
  scale = $state.raw<ColorScale | null>(null);
  fills = $state.raw<Map<string, string> | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);
  #request = 0;

  async show(indicator: IndicatorMeta | null): Promise<void> {
    const request = ++this.#request;
    this.indicator = indicator;
    this.error = null;
    if (!indicator) {
      this.values = null;
      this.scale = null;
      this.fills = null;
      return;
    }
    this.loading = true;
    try {
      const values = await fetchIndicatorValues({ key: indicator.key, level: 'settlement' });
      if (request !== this.#request) return;
      const scale = buildColorScale(indicator, Object.values(values.values));
      const fills = new Map<string, string>();
      for (const [code, value] of Object.entries(values.values)) fills.set(code, scale.colorOf(value));
      this.values = values;
      this.scale = scale;
      this.fills = fills;
    } catch (error) {
      if (request === this.#request && !isAbortError(error)) this.error = error;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
