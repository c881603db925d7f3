import type { Locale, Localized } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { ColorScale } from '$lib/indicators/color-scale';
import { legendRows } from '$lib/indicators/legend';

export interface LegendRowView {
  color: string;
  label: string;
  /** fill: an area; outline: an area with its edge; dot/ring: a point; hex: a hexagon. */
  shape?: 'fill' | 'outline' | 'dot' | 'ring' | 'hex';
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

export interface LegendInput {
  locale: Locale;
  pick: (text: Localized) => string;
  noDataLabel: string;
  coverage: { reachLabel: string; institutions: boolean; color: (kind: 'covered' | 'uncovered' | 'neediest') => string; institutionColor: string } | null;
  catchments: { sites: readonly { name: string; color: string }[]; planned: boolean; moved: boolean; movedColor: string } | null;
  index: { title: string; scale: ColorScale } | null;
  hexagons: { title: string; scale: ColorScale; withheldColor: string; withheldLabel: string; withheld: boolean } | null;
  text: {
    coverageTitle: string;
    covered: string;
    uncovered: string;
    neediest: string;
    institution: string;
    catchmentsTitle: string;
    planned: string;
    moved: string;
  };
}

/** One legend section per layer drawn. */
export function buildLegendSections(input: LegendInput): LegendSection[] {
  const sections: LegendSection[] = [];
  const { text } = input;
  if (input.coverage) {
    const { color } = input.coverage;
    sections.push({
      id: 'coverage',
      title: text.coverageTitle,
      rows: [
        { color: color('covered'), label: text.covered },
        { color: color('uncovered'), label: text.uncovered },
        { color: color('neediest'), label: text.neediest },
        ...(input.coverage.institutions ? [{ color: input.coverage.institutionColor, label: text.institution, shape: 'dot' as const }] : []),
      ],
    });
  }
  if (input.catchments) {
    sections.push({
      id: 'catchments',
      title: text.catchmentsTitle,
      rows: [
        ...input.catchments.sites.map((site) => ({ color: site.color, label: site.name, shape: 'outline' as const })),
        ...(input.catchments.planned ? [{ color: '#4e79a7', label: text.planned, shape: 'ring' as const }] : []),
        ...(input.catchments.moved ? [{ color: input.catchments.movedColor, label: text.moved }] : []),
      ],
    });
  }
  if (input.index) {
    sections.push({
      id: 'need-index',
      title: input.index.title,
      rows: scaleRows(input.index.scale, { locale: input.locale, noDataLabel: input.noDataLabel, showNoData: false, pick: input.pick }),
    });
  }
  if (input.hexagons) {
    const rows = scaleRows(input.hexagons.scale, { locale: input.locale, noDataLabel: input.noDataLabel, showNoData: false, pick: input.pick, shape: 'hex' });
    if (input.hexagons.withheld) rows.push({ color: input.hexagons.withheldColor, label: input.hexagons.withheldLabel, shape: 'hex' });
    sections.push({ id: 'hexagons', title: input.hexagons.title, rows });
  }
  return sections;
}
