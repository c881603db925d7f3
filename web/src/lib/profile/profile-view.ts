import type { Attribution, Locale } from '$lib/api/contract';
import type { MessageKey } from '$lib/i18n/dictionary';
import { formatNumber, formatWithUnit, pickLocalized } from '$lib/i18n/format';
import type { IndicatorMeta } from '$lib/indicators/indicator-types';
import { sourceName } from '$lib/map/attribution';
import type { SettlementProfile } from './profile-types';

export interface ProfileRow {
  label: string;
  value: string;
}

export interface ProfileIndicatorRow {
  key: string;
  title: string;
  value: string;
  year: number;
  /** "district value" when inherited from the district. */
  note: string | null;
  /** The value's own source if the server names one, otherwise the indicator's sources. */
  source: string;
}

export interface ProfileView {
  title: string;
  subtitle: string;
  hierarchy: ProfileRow[];
  basics: ProfileRow[];
  postcodes: string;
  indicators: ProfileIndicatorRow[];
  parts: ProfileRow[];
}

type Translate = (key: MessageKey) => string;

/** "Forrás: KSH" and "KSH" read the same in a "Forrás:" column: the names without the repeated lead. */
function sourceText(attributions: readonly Attribution[], locale: Locale): string {
  return attributions.map((attribution) => sourceName(attribution, locale)).join(', ');
}

/** Everything the profile panel shows, formatted for the UI language. */
export function buildProfileView(
  profile: SettlementProfile,
  catalog: readonly IndicatorMeta[],
  locale: Locale,
  translate: Translate,
): ProfileView {
  const areaKm2 = profile.areaHa / 100;
  return {
    title: profile.name,
    subtitle: `${translate('profile.kshCode')}: ${profile.code}`,
    hierarchy: [
      { label: translate('profile.legalStatus'), value: profile.legalStatus },
      { label: translate('profile.county'), value: profile.county.name },
      { label: translate('profile.district'), value: profile.district.name },
      { label: translate('profile.districtSeat'), value: profile.district.seat },
    ],
    basics: [
      { label: translate('profile.population'), value: formatNumber(profile.population2024, locale, 0) },
      { label: translate('profile.area'), value: formatWithUnit(areaKm2, 'km²', locale) },
      { label: translate('profile.dwellings'), value: formatNumber(profile.dwellings, locale, 0) },
      { label: translate('profile.roma'), value: translate(profile.romaSelfGovernment ? 'profile.yes' : 'profile.no') },
    ],
    postcodes: profile.postcodes.join(', '),
    indicators: profile.indicators.map((indicator) => ({
      key: indicator.key,
      title: pickLocalized(indicator.title, locale),
      value: indicator.categoryLabel
        ? pickLocalized(indicator.categoryLabel, locale)
        : formatWithUnit(indicator.value, pickLocalized(indicator.unit, locale), locale),
      year: indicator.year,
      note: indicator.level === 'district' ? translate('profile.districtValue') : null,
      source: indicator.source ?? sourceText(catalog.find((meta) => meta.key === indicator.key)?.attribution ?? [], locale),
    })),
    parts: [
      { label: translate('profile.partsTotal'), value: formatNumber(profile.parts.total, locale, 0) },
      { label: translate('profile.partsOutskirts'), value: formatNumber(profile.parts.outskirts, locale, 0) },
      { label: translate('profile.partsPopulation2011'), value: formatNumber(profile.parts.population2011, locale, 0) },
      { label: translate('profile.partsOutskirtsPopulation2011'), value: formatNumber(profile.parts.outskirtsPopulation2011, locale, 0) },
    ],
  };
}
