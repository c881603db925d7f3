import type { Locale, Localized } from '$lib/api/contract';
import type { ColorScale } from '$lib/indicators/color-scale';
import { scaleRows, type LegendSection } from '$lib/map/legend-section';

export interface LegendInput {
  locale: Locale;
  pick: (text: Localized) => string;
  noDataLabel: string;
  coverage: { reachLabel: string; institutions: boolean; color: (kind: 'covered' | 'uncovered' | 'neediest') => string; institutionColor: string } | null;
  catchments: { sites: readonly { name: string; color: string }[]; planned: boolean; moved: boolean; movedColor: string } | null;
  index: { title: string; scale: ColorScale } | null;
  gap: { title: string; gap: { color: string; label: string }; reached: { color: string; label: string } } | null;
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
  if (input.gap) {
    sections.push({ id: 'gap', title: input.gap.title, rows: [input.gap.gap, input.gap.reached] });
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
