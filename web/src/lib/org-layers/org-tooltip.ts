import type { Locale } from '$lib/api/contract';
import type { MessageKey, MessageParams } from '$lib/i18n/dictionary';
import { formatDate, formatNumber, pickLocalized } from '../i18n/format';
import { countText } from './need-signal-style';
import type { OrgHit } from './org-layer-types';

export interface TooltipRow {
  label: string;
  value: string;
}

/** What the map tooltip says about an organisation feature. */
export interface TooltipContent {
  title: string;
  subtitle: string;
  rows: TooltipRow[];
  note: string | null;
}

export interface TooltipContext {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
}

function percent(value: number, locale: Locale): string {
  return `${formatNumber(value, locale)}%`;
}

/** Rows with a value only: absent fields are left out rather than shown as dashes. */
function rowsOf(entries: ReadonlyArray<[string, string | null | undefined]>): TooltipRow[] {
  return entries.flatMap(([label, value]) => (value === null || value === undefined || value === '' ? [] : [{ label, value }]));
}

export function describeOrgHit(hit: OrgHit, { locale, t }: TooltipContext): TooltipContent {
  const number = (value: number | null) => (value === null ? null : formatNumber(value, locale, 0));
  switch (hit.layer) {
    case 'institutions': {
      const item = hit.properties;
      return {
        title: item.name,
        subtitle: pickLocalized(item.typeName, locale),
        rows: rowsOf([
          [t('tooltip.address'), item.address],
          [t('tooltip.settlement'), item.settlementName],
          [t('tooltip.capacity'), number(item.capacity)],
          [t('tooltip.operator'), item.operator],
        ]),
        note: item.placedAtCentre ? t('tooltip.placedAtCentre') : null,
      };
    }
    case 'warehouses': {
      const item = hit.properties;
      return {
        title: item.name,
        subtitle: t('tooltip.warehouse'),
        rows: rowsOf([
          [t('tooltip.address'), item.address],
          [t('tooltip.settlement'), item.settlementName],
          [t('tooltip.county'), item.countyName],
          [t('tooltip.storage'), item.capacity === null ? null : formatNumber(item.capacity, locale)],
        ]),
        note: item.placedAtCentre ? t('tooltip.placedAtCentre') : null,
      };
    }
    case 'segregated-areas': {
      const item = hit.properties;
      const population = item.population !== null || item.populationBelowThreshold
        ? countText({ value: item.population, belowThreshold: item.populationBelowThreshold }, locale)
        : null;
      return {
        title: item.name,
        subtitle: `${t('tooltip.segregatedArea')} · ${item.settlementName}`,
        rows: rowsOf([
          [t('tooltip.population'), population],
          [t('tooltip.lowEducation'), item.lowEducationShare === null ? null : percent(item.lowEducationShare, locale)],
          [t('tooltip.noRegularIncome'), item.noRegularIncomeShare === null ? null : percent(item.noRegularIncomeShare, locale)],
          [t('tooltip.source'), [item.source, item.year].filter((part) => part !== null && part !== '').join(', ')],
        ]),
        note: item.repaired ? t('tooltip.repaired') : null,
      };
    }
    case 'need-signals': {
      const item = hit.properties;
      const households = item.households !== null || item.householdsBelowThreshold
        ? countText({ value: item.households, belowThreshold: item.householdsBelowThreshold }, locale)
        : null;
      const persons = item.persons !== null || item.personsBelowThreshold
        ? countText({ value: item.persons, belowThreshold: item.personsBelowThreshold }, locale)
        : null;
      return {
        title: item.name,
        subtitle: t('tooltip.needSignal'),
        rows: rowsOf([
          [t('tooltip.households'), households],
          [t('tooltip.persons'), persons],
          [t('tooltip.categories'), item.categories.map((category) => t(`category.${category}`)).join(', ')],
          [t('tooltip.urgent'), item.urgent ? t('tooltip.yes') : null],
          [t('tooltip.latest'), item.latest ? formatDate(item.latest, locale) : null],
        ]),
        note: null,
      };
    }
  }
}
