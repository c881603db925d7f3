import type { Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { MapHover } from '$lib/map/thematic-map';
import type { PlanOutcome, PlanSite } from '@terep/db/contract';
import { distanceText } from './plan-format';
import { PLAN_LAYER_ID } from './plan-layer-ids';
import type { AssignmentLine } from './plan-scene';
import { tp } from './planning-messages';

export interface PlanTooltip {
  title: string;
  subtitle: string;
  value: string | null;
  rows: { label: string; value: string }[];
  note: string | null;
}

const COVERAGE_LABEL = {
  'newly-covered': 'planning.legend.newlyCovered',
  covered: 'planning.legend.covered',
  uncovered: 'planning.legend.uncovered',
} as const;

/** The tooltip of a site, an assignment line or a settlement under the shown plan. */
export function describePlanHover(hover: MapHover, outcome: PlanOutcome | null, locale: Locale, nameOf: (code: string) => string): PlanTooltip | null {
  const number = (value: number) => formatNumber(value, locale, 0);
  if (hover.kind === 'object') {
    if (hover.layerId === PLAN_LAYER_ID.proposed || hover.layerId === PLAN_LAYER_ID.existing) {
      const site = hover.object as PlanSite;
      return {
        title: site.name,
        subtitle: site.kind === 'new' ? tp('planning.tooltip.proposed') : `${tp('planning.tooltip.existing')} · ${site.settlementName}`,
        value: null,
        rows: [
          { label: tp('planning.tooltip.settlements'), value: formatNumber(site.served.settlements, locale) },
          { label: tp('planning.tooltip.population'), value: number(site.served.population) },
        ],
        note: null,
      };
    }
    if (hover.layerId === PLAN_LAYER_ID.lines && outcome) {
      const line = hover.object as AssignmentLine;
      return {
        title: nameOf(line.code),
        subtitle: `${tp('planning.tooltip.site')}: ${line.siteName}`,
        value: distanceText(line.distance, outcome.unit, locale),
        rows: line.share < 1 ? [{ label: tp('planning.tooltip.share'), value: `${formatNumber(line.share * 100, locale, 0)}%` }] : [],
        note: null,
      };
    }
    return null;
  }
  const { settlement } = hover;
  const coverage = outcome?.coverageBySettlement[settlement.code];
  const assignment = outcome?.assignments.find((entry) => entry.code === settlement.code);
  return {
    title: settlement.name,
    subtitle: coverage ? tp(COVERAGE_LABEL[coverage]) : '',
    value: assignment && outcome ? distanceText(assignment.distance, outcome.unit, locale) : null,
    rows: settlement.population === null ? [] : [{ label: tp('planning.tooltip.population'), value: number(settlement.population) }],
    note: null,
  };
}
