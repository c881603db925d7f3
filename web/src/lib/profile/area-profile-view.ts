import type { Locale } from '$lib/api/contract';
import type { MessageKey, MessageParams } from '$lib/i18n/dictionary';
import { formatNumber, formatWithUnit, pickLocalized } from '$lib/i18n/format';
import type { AreaProfile } from './profile-types';
import type { ProfileRow } from './profile-view';

/** One line of a list in the area profile: a name and what to say beside it. */
export interface AreaListRow {
  key: string;
  name: string;
  detail: string;
  /** The settlement it lies in (clicking opens that settlement's profile). */
  settlementCode: string;
  settlementName: string;
}

export interface AreaProfileView {
  title: string;
  subtitle: string;
  basics: ProfileRow[];
  indicators: { key: string; title: string; value: string; year: number; source: string }[];
  settlements: { code: string; name: string; detail: string }[];
  institutions: AreaListRow[];
  warehouses: AreaListRow[];
  segregatedAreas: AreaListRow[];
  /** Null when the area has no need signal. */
  needSignals: ProfileRow[] | null;
  hasOrganisationData: boolean;
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A count that may have been withheld by the server (below 5). */
function countText(count: number | null, belowThreshold: boolean, locale: Locale): string {
  if (belowThreshold) return '<5';
  return count === null ? '–' : formatNumber(count, locale, 0);
}

/** Everything the district or county profile shows, formatted for the UI language. */
export function buildAreaProfileView(area: AreaProfile, locale: Locale, translate: Translate): AreaProfileView {
  const number = (value: number) => formatNumber(value, locale, 0);
  const basics: ProfileRow[] = [];
  if (area.county) basics.push({ label: translate('profile.county'), value: area.county.name });
  if (area.seat) basics.push({ label: translate('areaProfile.seat'), value: area.seat });
  basics.push(
    { label: translate('profile.population'), value: number(area.population2024) },
    { label: translate('profile.area'), value: formatWithUnit(area.areaHa / 100, 'km²', locale) },
    { label: translate('areaProfile.settlementCount'), value: number(area.settlementCount) },
  );
  if (area.districtCount !== null) basics.push({ label: translate('areaProfile.districtCount'), value: number(area.districtCount) });

  const { organisation } = area;
  const signals = organisation.needSignals;
  return {
    title: area.name,
    subtitle: `${translate('profile.kshCode')}: ${area.code}`,
    basics,
    indicators: area.indicators.map((indicator) => ({
      key: indicator.key,
      title: pickLocalized(indicator.title, locale),
      value: indicator.categoryLabel
        ? pickLocalized(indicator.categoryLabel, locale)
        : formatWithUnit(indicator.value, pickLocalized(indicator.unit, locale), locale),
      year: indicator.year,
      source: indicator.source,
    })),
    settlements: area.settlements.map((settlement) => ({
      code: settlement.code,
      name: settlement.name,
      detail: translate('areaProfile.residents', { value: number(settlement.population2024) }),
    })),
    institutions: organisation.institutions.map((row) => ({
      key: `i${row.id}`,
      name: row.name,
      detail: pickLocalized(row.typeName, locale),
      settlementCode: row.settlementCode,
      settlementName: row.settlementName,
    })),
    warehouses: organisation.warehouses.map((row) => ({
      key: `w${row.id}`,
      name: row.name,
      detail: row.capacity === null ? '' : translate('areaProfile.capacity', { value: number(row.capacity) }),
      settlementCode: row.settlementCode,
      settlementName: row.settlementName,
    })),
    segregatedAreas: organisation.segregatedAreas.map((row) => ({
      key: `a${row.id}`,
      name: row.name,
      detail: row.population === null && !row.populationBelowThreshold ? '' : translate('areaProfile.residents', { value: countText(row.population, row.populationBelowThreshold, locale) }),
      settlementCode: row.settlementCode,
      settlementName: row.settlementName,
    })),
    needSignals:
      signals.settlements === 0
        ? null
        : [
            { label: translate('areaProfile.needSignalSettlements'), value: number(signals.settlements) },
            { label: translate('areaProfile.households'), value: countText(signals.households, signals.householdsBelowThreshold, locale) },
            { label: translate('areaProfile.persons'), value: countText(signals.persons, signals.personsBelowThreshold, locale) },
          ],
    hasOrganisationData:
      organisation.institutions.length + organisation.warehouses.length + organisation.segregatedAreas.length + signals.settlements > 0,
  };
}
