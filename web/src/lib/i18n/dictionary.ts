import type { Locale } from '$lib/api/contract';
import { apiErrorsEn, apiErrorsHu } from './messages/api-errors';
import { areaProfileEn, areaProfileHu } from './messages/area-profile';
import { accountsEn, accountsHu } from './messages/accounts';
import { importsEn, importsHu } from './messages/imports';
import { navigationEn, navigationHu } from './messages/navigation';
import { orgLayersEn, orgLayersHu } from './messages/org-layers';
import { signalsEn, signalsHu } from './messages/signals';
import { viewsEn, viewsHu } from './messages/views';
import { donationsEn, donationsHu } from './messages/donations';

/** Hungarian UI strings; the source of the message keys. `{name}` marks a parameter. */
const hu = {
  'app.tagline': 'Szociális szükségletek térképe',
  'app.dataStatus': '{settlements} település · {population} lakos (2024)',
  'language.label': 'Nyelv',
  /** The catalogue's own language, for code that formats numbers inside a message. */
  'language.code': 'hu',
  'language.switchTo': 'Switch to English',

  'level.heading': 'Területi szint',
  'level.settlement': 'Település',
  'level.district': 'Járás',
  'level.county': 'Vármegye',

  'indicator.heading': 'Mutató',
  'indicator.none': 'Ezen a szinten nincs elérhető mutató.',
  'indicator.needHigher': 'Magasabb érték = nagyobb szükséglet',
  'indicator.needLower': 'Alacsonyabb érték = nagyobb szükséglet',
  'indicator.needNeutral': 'Leíró mutató',
  'indicator.needKey': 'szükségletet jelző mutató',
  'indicator.sources': 'Források',
  'year.heading': 'Év',

  'status.loading': 'Betöltés…',
  'status.loadingMap': 'Térkép betöltése…',
  'status.loadingValues': 'Adatok betöltése…',

  'error.title': 'Hiba történt',
  'error.retry': 'Újrapróbálás',
  'error.dismiss': 'Bezárás',
  'error.network': 'A Terep szerver nem érhető el. Ellenőrizze, hogy fut-e.',
  'error.notFound': 'A kért adat nem található.',
  'error.badResponse': 'A szerver érvénytelen választ adott.',
  'error.server': 'A szerver hibát jelzett',
  'error.map': 'A térkép nem jeleníthető meg (WebGL szükséges).',
  'error.catalog': 'A mutatók listája nem tölthető be.',
  'error.geometry': 'A határok nem tölthetők be.',
  'error.values': 'A mutató értékei nem tölthetők be.',
  'error.profile': 'A település adatlapja nem tölthető be.',
  'error.search': 'A keresés nem sikerült.',
  'error.unauthenticated': 'A munkamenete lejárt. Kérjük, jelentkezzen be újra.',
  'error.forbidden': 'Az Ön szerepköre ezt nem engedi.',
  'error.outOfScope': 'Ez kívül esik az Ön vármegyéin: itt ezt nem teheti meg.',
  'error.rateLimited': 'Túl sok kérés érkezett. Kérjük, próbálja újra később.',
  'error.passwordChangeRequired': 'Először módosítsa az egyszeri jelszavát.',
  'error.crossOrigin': 'A kérés nem a Terep oldaláról érkezett, ezért a szerver elutasította.',

  'search.label': 'Keresés',
  'search.placeholder': 'Település, járás vagy vármegye…',
  'search.none': 'Nincs találat',
  'search.searching': 'Keresés…',
  'search.clear': 'Keresés törlése',

  'legend.noData': 'Nincs adat',
  'legend.aria': 'Jelmagyarázat',

  'tooltip.noData': 'nincs adat',

  'profile.close': 'Bezárás',
  'profile.kshCode': 'KSH-kód',
  'profile.hierarchy': 'Közigazgatási besorolás',
  'profile.legalStatus': 'Jogállás',
  'profile.county': 'Vármegye',
  'profile.district': 'Járás',
  'profile.districtSeat': 'Járásszékhely',
  'profile.basics': 'Alapadatok',
  'profile.population': 'Lakónépesség (2024)',
  'profile.area': 'Terület',
  'profile.dwellings': 'Lakások száma',
  'profile.roma': 'Roma nemzetiségi önkormányzat',
  'profile.yes': 'Van',
  'profile.no': 'Nincs',
  'profile.postcodes': 'Irányítószám',
  'profile.indicators': 'Mutatók',
  'profile.districtValue': 'járási érték',
  'profile.source': 'Forrás',
  'profile.parts': 'Településrészek',
  'profile.partsTotal': 'Településrészek száma',
  'profile.partsOutskirts': 'Ebből külterület',
  'profile.partsPopulation2011': 'Népesség (2011. évi népszámlálás)',
  'profile.partsOutskirtsPopulation2011': 'Külterületi (tanyai) népesség (2011)',
  'profile.unitValue': 'Kiválasztott mutató',
  'profile.zoomTo': 'Ráközelítés',

  'map.aria': 'Magyarország térképe',

  ...navigationHu,
  ...areaProfileHu,
  ...accountsHu,
  ...importsHu,
  ...orgLayersHu,
  ...apiErrorsHu,
  ...signalsHu,
  ...viewsHu,
  ...donationsHu,
} as const;

export type MessageKey = keyof typeof hu;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.tagline': 'Social needs map of Hungary',
  'app.dataStatus': '{settlements} settlements · {population} residents (2024)',
  'language.label': 'Language',
  'language.code': 'en',
  'language.switchTo': 'Váltás magyarra',

  'level.heading': 'Territorial level',
  'level.settlement': 'Settlement',
  'level.district': 'District',
  'level.county': 'County',

  'indicator.heading': 'Indicator',
  'indicator.none': 'No indicator is available at this level.',
  'indicator.needHigher': 'Higher value = greater need',
  'indicator.needLower': 'Lower value = greater need',
  'indicator.needNeutral': 'Descriptive indicator',
  'indicator.needKey': 'need indicator',
  'indicator.sources': 'Sources',
  'year.heading': 'Year',

  'status.loading': 'Loading…',
  'status.loadingMap': 'Loading map…',
  'status.loadingValues': 'Loading data…',

  'error.title': 'Something went wrong',
  'error.retry': 'Retry',
  'error.dismiss': 'Dismiss',
  'error.network': 'The Terep server cannot be reached. Check that it is running.',
  'error.notFound': 'The requested data was not found.',
  'error.badResponse': 'The server sent an invalid answer.',
  'error.server': 'The server reported an error',
  'error.map': 'The map cannot be displayed (WebGL is required).',
  'error.catalog': 'The list of indicators could not be loaded.',
  'error.geometry': 'The boundaries could not be loaded.',
  'error.values': 'The indicator values could not be loaded.',
  'error.profile': 'The settlement profile could not be loaded.',
  'error.search': 'The search failed.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'Your role does not allow this.',
  'error.outOfScope': 'This lies outside your counties: you cannot do this here.',
  'error.rateLimited': 'Too many requests. Please try again later.',
  'error.passwordChangeRequired': 'Please change your one-time password first.',
  'error.crossOrigin': 'The request did not come from Terep’s own page, so the server refused it.',

  'search.label': 'Search',
  'search.placeholder': 'Settlement, district or county…',
  'search.none': 'No results',
  'search.searching': 'Searching…',
  'search.clear': 'Clear search',

  'legend.noData': 'No data',
  'legend.aria': 'Legend',

  'tooltip.noData': 'no data',

  'profile.close': 'Close',
  'profile.kshCode': 'KSH code',
  'profile.hierarchy': 'Administrative hierarchy',
  'profile.legalStatus': 'Legal status',
  'profile.county': 'County',
  'profile.district': 'District',
  'profile.districtSeat': 'District seat',
  'profile.basics': 'Key figures',
  'profile.population': 'Resident population (2024)',
  'profile.area': 'Area',
  'profile.dwellings': 'Dwellings',
  'profile.roma': 'Roma minority self-government',
  'profile.yes': 'Yes',
  'profile.no': 'No',
  'profile.postcodes': 'Postcodes',
  'profile.indicators': 'Indicators',
  'profile.districtValue': 'district value',
  'profile.source': 'Source',
  'profile.parts': 'Settlement parts',
  'profile.partsTotal': 'Number of settlement parts',
  'profile.partsOutskirts': 'of which outskirts',
  'profile.partsPopulation2011': 'Population (2011 census)',
  'profile.partsOutskirtsPopulation2011': 'Outskirts (farmstead) population (2011)',
  'profile.unitValue': 'Selected indicator',
  'profile.zoomTo': 'Zoom to',

  'map.aria': 'Map of Hungary',

  ...navigationEn,
  ...areaProfileEn,
  ...accountsEn,
  ...importsEn,
  ...orgLayersEn,
  ...apiErrorsEn,
  ...signalsEn,
  ...viewsEn,
  ...donationsEn,
};

export const dictionary: Record<Locale, Messages> = { hu, en };

export type MessageParams = Record<string, string | number>;

/** Whether a key built at run time (from an API code) names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(hu, key);
}

/** Looks a message up and fills its `{name}` parameters. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = dictionary[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
