import type { Locale, Localized } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { ColorScale } from '$lib/indicators/color-scale';
import { legendRows } from '$lib/indicators/legend';

export interface LegendRowView {
  color: string;
  label: string;
  /** fill: an area; outline: an area with its edge; dot/ring: a point; hex: a hexagon; line: a line between points. */
  shape?: 'fill' | 'outline' | 'dot' | 'ring' | 'hex' | 'line';
}

export interface LegendSection {
  id: string;
  title: string;
  rows: LegendRowView[];
}

/** Rows of a colour scale (class ranges or categories), in a given swatch shape. */
export function scaleRows(
  scale: ColorScale,
  options: { locale: Locale; noDataLabel: string; showNoData: boolean; pick: (text: Localized) => string; shape?: LegendRowView['shape'] },
): LegendRowView[] {
  return legendRows(scale.entries, {
    title: '',
    subtitle: '',
    noDataLabel: options.noDataLabel,
    showNoData: options.showNoData,
    noDataColor: scale.noDataColor,
    formatValue: (value) => formatNumber(value, options.locale),
    labelOf: options.pick,
  }).map((row) => ({ ...row, shape: options.shape ?? 'fill' }));
}
