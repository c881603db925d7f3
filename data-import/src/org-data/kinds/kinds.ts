import type { ImportKind } from '@terep/db';
import type { Choice, KindSpec } from './kind-spec.ts';

const NEED_CATEGORIES: readonly Choice[] = [
  { key: 'food', aliases: ['food', 'elelmiszer', 'elelem', 'etel', 'etkezes'] },
  { key: 'heating', aliases: ['heating', 'futes', 'tuzifa', 'tuzelo', 'energia'] },
  { key: 'clothing', aliases: ['clothing', 'ruha', 'ruhazat', 'ruhanemu'] },
  { key: 'health', aliases: ['health', 'egeszseg', 'egeszsegugy', 'gyogyszer'] },
  { key: 'housing', aliases: ['housing', 'lakhatas', 'lakas', 'hajlektalansag'] },
  { key: 'child-welfare', aliases: ['child welfare', 'child-welfare', 'gyermekjolet', 'gyermekvedelem', 'gyermek'] },
  { key: 'debt', aliases: ['debt', 'adossag', 'eladosodas', 'hatralek'] },
  { key: 'other', aliases: ['other', 'egyeb', 'mas'] },
];

const URGENCIES: readonly Choice[] = [
  { key: 'low', aliases: ['low', 'alacsony', 'nem surgos', '1'] },
  { key: 'medium', aliases: ['medium', 'kozepes', 'normal', '2'] },
  { key: 'high', aliases: ['high', 'magas', 'surgos', '3'] },
  { key: 'critical', aliases: ['critical', 'kritikus', 'azonnali', 'nagyon surgos', '4'] },
];

const NAME = { aliases: ['nev', 'megnevezes', 'name', 'intezmeny neve', 'intezmeny', 'raktar neve', 'terulet neve', 'title'], required: true, value: { type: 'text' } } as const;
const ADDRESS = { aliases: ['cim', 'address', 'utca hazszam', 'street'], value: { type: 'text' } } as const;

export const KINDS: Record<ImportKind, KindSpec> = {
  institutions: {
    kind: 'institutions',
    title: { hu: 'Intézmények', en: 'Institutions' },
    place: 'point',
    guardsPersonalData: false,
    fields: {
      name: NAME,
      type: { aliases: ['tipus', 'type', 'intezmenytipus', 'szolgaltatas', 'service', 'ellatas tipusa'], required: true, value: { type: 'choice', choices: 'institution-types' } },
      address: ADDRESS,
      capacity: { aliases: ['kapacitas', 'capacity', 'ferohely', 'ellatottak szama'], value: { type: 'integer' } },
      operator: { aliases: ['fenntarto', 'operator', 'mukodteto'], value: { type: 'text' } },
    },
  },
  warehouses: {
    kind: 'warehouses',
    title: { hu: 'Raktárak', en: 'Warehouses' },
    place: 'point',
    guardsPersonalData: false,
    fields: {
      name: NAME,
      address: ADDRESS,
      capacity: { aliases: ['kapacitas', 'capacity', 'tarolokapacitas'], value: { type: 'number' } },
      servedCounty: { aliases: ['ellatott megye', 'ellatott varmegye', 'county served', 'served county'], value: { type: 'text' } },
    },
  },
  'segregated-areas': {
    kind: 'segregated-areas',
    title: { hu: 'Szegregátumok', en: 'Segregated areas' },
    place: 'polygon',
    guardsPersonalData: false,
    fields: {
      name: { ...NAME, aliases: [...NAME.aliases, 'szegregatum', 'azonosito', 'id'] },
      population: { aliases: ['nepesseg', 'lakonepesseg', 'population', 'lakosok szama'], value: { type: 'integer' } },
      lowEducationShare: { aliases: ['alacsony iskolai vegzettseguek aranya', 'alacsony vegzettseg', 'low education share', 'low education', 'legfeljebb altalanos iskola'], value: { type: 'percent' } },
      noRegularIncomeShare: { aliases: ['rendszeres munkajovedelemmel nem rendelkezok aranya', 'munkajovedelem nelkul', 'no regular income share', 'no regular income'], value: { type: 'percent' } },
      source: { aliases: ['forras', 'source'], value: { type: 'text' } },
      year: { aliases: ['ev', 'year', 'evszam'], value: { type: 'year' } },
    },
  },
  'need-signals': {
    kind: 'need-signals',
    title: { hu: 'Szükségletjelzések', en: 'Need signals' },
    place: 'settlement',
    guardsPersonalData: true,
    oneOf: ['households', 'persons'],
    fields: {
      category: { aliases: ['kategoria', 'category', 'szukseglet', 'need', 'tipus'], required: true, value: { type: 'choice', choices: NEED_CATEGORIES } },
      urgency: { aliases: ['surgosseg', 'urgency', 'prioritas', 'priority'], value: { type: 'choice', choices: URGENCIES, default: 'medium' } },
      households: { aliases: ['haztartasok', 'haztartasok szama', 'households', 'csaladok szama', 'csaladok'], value: { type: 'integer' } },
      persons: { aliases: ['szemelyek', 'szemelyek szama', 'fo', 'persons', 'people', 'letszam'], value: { type: 'integer' } },
      date: { aliases: ['datum', 'date', 'jelzes datuma', 'reported on', 'bejelentes datuma'], required: true, value: { type: 'date' } },
      organisation: { aliases: ['szervezet', 'jelzo szervezet', 'organisation', 'organization', 'bejelento szervezet'], required: true, value: { type: 'text' } },
    },
  },
};
