import type { LegendSection } from '$lib/map/legend-section';
import { institutionColor } from '$lib/org-layers/map-icons';
import type { PlanOutcome } from '@terep/db/contract';
import { distanceText } from './plan-format';
import { tp } from './planning-messages';
import type { Locale } from '$lib/api/contract';
import { CANDIDATE_FILL, LINE_CSS, NEW_SITE_CSS, PLAN_COVERAGE_COLORS } from './plan-style';

/** The planning map's legend: sites and lines of the shown plan and its coverage fills, or the candidate list. */
export function buildPlanLegend(input: { outcome: PlanOutcome | null; serviceType: string; candidates: number; locale: Locale }): LegendSection[] {
  const { outcome } = input;
  if (!outcome) {
    return input.candidates > 0 ? [{ id: 'candidates', title: tp('planning.candidates'), rows: [{ color: CANDIDATE_FILL, label: tp('planning.legend.candidate') }] }] : [];
  }
  const reach = distanceText(outcome.reach, outcome.unit, input.locale);
  return [
    {
      id: 'plan-sites',
      title: tp('planning.result.sites'),
      rows: [
        { color: NEW_SITE_CSS, label: tp('planning.legend.proposed'), shape: 'dot' },
        ...(outcome.sites.some((site) => site.kind === 'existing') ? [{ color: institutionColor(input.serviceType), label: tp('planning.legend.existing'), shape: 'dot' as const }] : []),
        { color: LINE_CSS, label: tp('planning.legend.assignment'), shape: 'line' },
      ],
    },
    {
      id: 'plan-coverage',
      title: `${tp('planning.reach')}: ${reach}`,
      rows: [
        { color: PLAN_COVERAGE_COLORS['newly-covered'], label: tp('planning.legend.newlyCovered') },
        { color: PLAN_COVERAGE_COLORS.covered, label: tp('planning.legend.covered') },
        { color: PLAN_COVERAGE_COLORS.uncovered, label: tp('planning.legend.uncovered') },
      ],
    },
  ];
}
