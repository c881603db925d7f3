import type { Locale } from '$lib/api/contract';
import { formatDate, formatNumber } from '$lib/i18n/format';
import { tg } from './programme-messages';
import type { ProgrammeHit } from './programme-layer-ids';

/** "<5" for a count withheld below the threshold, as the API sends it (null with a flag). */
export const SUPPRESSED = '<5';

export function guardedText(value: number | null, belowThreshold: boolean, locale: Locale): string {
  if (belowThreshold) return SUPPRESSED;
  return value === null ? '–' : formatNumber(value, locale, 0);
}

export interface TooltipContent {
  title: string;
  subtitle: string;
  value: string | null;
  rows: { label: string; value: string }[];
  note: string | null;
}

/** The map tooltip of a programme-layer feature. */
export function describeProgrammeHit(hit: ProgrammeHit, locale: Locale): TooltipContent {
  const number = (value: number) => formatNumber(value, locale, 0);
  switch (hit.layer) {
    case 'programme-areas': {
      const p = hit.properties;
      return {
        title: p.name,
        subtitle: tg(`areaKind.${p.kind}`),
        value: null,
        rows: [
          { label: tg('tooltip.programme'), value: p.programmeName },
          { label: tg('tooltip.project'), value: p.projectName },
          ...(p.overlap ? [{ label: tg('tooltip.overlapsWith'), value: p.overlapsWith.join(', ') }] : []),
        ],
        note: null,
      };
    }
    case 'helper-areas': {
      const p = hit.properties;
      return {
        title: p.name,
        subtitle: tg('layers.helperArea'),
        value: null,
        rows: [
          { label: tg('tooltip.network'), value: p.networkName },
          { label: tg('tooltip.members'), value: guardedText(p.members, p.membersBelowThreshold, locale) },
        ],
        note: p.membersBelowThreshold ? tg('layers.suppressedNote') : null,
      };
    }
    case 'partner-seats': {
      const p = hit.properties;
      return {
        title: p.name,
        subtitle: `${tg(`partnerKind.${p.kind}`)} · ${p.settlementName}`,
        value: null,
        rows: [{ label: tg('tooltip.projects'), value: number(p.projectCount) }],
        note: null,
      };
    }
    case 'case-density': {
      const p = hit.properties;
      return {
        title: p.name,
        subtitle: tg('layers.cases'),
        value: guardedText(p.cases, p.casesBelowThreshold, locale),
        rows: [
          ...(p.perThousand !== null ? [{ label: tg('tooltip.perThousand'), value: formatNumber(p.perThousand, locale) }] : []),
          ...(p.domains.length ? [{ label: tg('layers.domain'), value: p.domains.map((domain) => tg(`domain.${domain}`)).join(', ') }] : []),
        ],
        note: p.casesBelowThreshold ? tg('layers.suppressedNote') : null,
      };
    }
    case 'programme-activities': {
      const p = hit.properties;
      return {
        title: p.title ?? tg(`activityKind.${p.kind}`),
        subtitle: `${tg(`activityKind.${p.kind}`)} · ${p.settlementName}`,
        value: null,
        rows: [
          { label: tg('tooltip.project'), value: p.projectName },
          { label: tg('tooltip.date'), value: formatDate(p.date, locale) },
          ...(p.participants !== null ? [{ label: tg('tooltip.participants'), value: number(p.participants) }] : []),
        ],
        note: null,
      };
    }
  }
}
