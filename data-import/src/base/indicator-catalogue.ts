import { DERIVED_INDICATOR_KEYS, type IndicatorInput } from '@terep/db';

const KSH = 'Forrás: KSH';
const DECREE_105 = '105/2015. (IV. 23.) Korm. rendelet';
const DECREE_290 = '290/2014. (XI. 26.) Korm. rendelet';

export const LOADED_INDICATOR_KEYS = {
  beneficiary105: 'benef_105_2015',
  devIndex290: 'dev_index_290_2014',
  devClass290: 'dev_class_290_2014',
} as const;

/**
 * Titles, units and sources of every indicator the base import provides. The
 * meaning of the 105/2015 codes 1-3 is not in the source file, so they are
 * labelled by decree and code number only (see shared/data/README.md).
 */
export const BASE_INDICATORS: IndicatorInput[] = [
  {
    key: DERIVED_INDICATOR_KEYS.population, titleHu: 'Lakónépesség', titleEn: 'Resident population',
    unitHu: 'fő', unitEn: 'persons', kind: 'numeric', needDirection: 0,
    source: 'KSH Helységnévtár 2024 (2024. január 1.)', attribution: KSH, categories: null, sortOrder: 10,
  },
  {
    key: DERIVED_INDICATOR_KEYS.populationChange, titleHu: 'Népességváltozás 2011–2024', titleEn: 'Population change 2011–2024',
    unitHu: '%', unitEn: '%', kind: 'numeric', needDirection: -1,
    source: 'KSH Helységnévtár 2024; 2011. évi népszámlálás (településrészek összege)', attribution: KSH, categories: null, sortOrder: 20,
  },
  {
    key: DERIVED_INDICATOR_KEYS.populationDensity, titleHu: 'Népsűrűség', titleEn: 'Population density',
    unitHu: 'fő/km²', unitEn: 'persons/km²', kind: 'numeric', needDirection: 0,
    source: 'KSH Helységnévtár 2024', attribution: KSH, categories: null, sortOrder: 30,
  },
  {
    key: DERIVED_INDICATOR_KEYS.population2011, titleHu: 'Lakónépesség 2011 (népszámlálás)', titleEn: 'Resident population 2011 (census)',
    unitHu: 'fő', unitEn: 'persons', kind: 'numeric', needDirection: 0,
    source: 'KSH településrészek 2018 (2011. évi népszámlálás)', attribution: KSH, categories: null, sortOrder: 40,
  },
  {
    key: DERIVED_INDICATOR_KEYS.outskirtsShare, titleHu: 'Külterületen (tanyán) élők aránya 2011', titleEn: 'Share living in outskirts and farmsteads 2011',
    unitHu: '%', unitEn: '%', kind: 'numeric', needDirection: 1,
    source: 'KSH településrészek 2018 (2011. évi népszámlálás)', attribution: KSH, categories: null, sortOrder: 50,
  },
  {
    key: LOADED_INDICATOR_KEYS.beneficiary105, titleHu: 'Kedvezményezett település (105/2015)', titleEn: 'Beneficiary settlement (105/2015)',
    unitHu: 'kód', unitEn: 'code', kind: 'category', needDirection: 1,
    source: `${DECREE_105}; KSH területi számjelrendszer 2018`, attribution: `${KSH}; ${DECREE_105}`, sortOrder: 60,
    categories: [
      { value: 1, label: { hu: '105/2015 – 1. kód', en: '105/2015 – code 1' }, need: 1 },
      { value: 2, label: { hu: '105/2015 – 2. kód', en: '105/2015 – code 2' }, need: 1 },
      { value: 3, label: { hu: '105/2015 – 3. kód', en: '105/2015 – code 3' }, need: 1 },
      { value: 9, label: { hu: 'Nem kedvezményezett', en: 'Not a beneficiary' }, need: 0 },
    ],
  },
  {
    key: LOADED_INDICATOR_KEYS.devIndex290, titleHu: 'Járási komplex fejlettségi mutató (290/2014)', titleEn: 'District complex development index (290/2014)',
    unitHu: 'index', unitEn: 'index', kind: 'numeric', needDirection: -1,
    source: `${DECREE_290}, 1. melléklet`, attribution: DECREE_290, categories: null, sortOrder: 70,
  },
  {
    key: LOADED_INDICATOR_KEYS.devClass290, titleHu: 'Kedvezményezett járás (290/2014)', titleEn: 'Beneficiary district (290/2014)',
    unitHu: 'besorolás', unitEn: 'class', kind: 'category', needDirection: 1,
    source: `${DECREE_290}, 3–5. melléklet`, attribution: DECREE_290, sortOrder: 80,
    categories: [
      { value: 0, label: { hu: 'Nem kedvezményezett', en: 'Not a beneficiary' }, need: 0 },
      { value: 1, label: { hu: 'Kedvezményezett', en: 'Beneficiary' }, need: 1 },
      { value: 2, label: { hu: 'Fejlesztendő', en: 'To be developed' }, need: 2 },
      { value: 3, label: { hu: 'Komplex programmal fejlesztendő', en: 'To be developed with a complex programme' }, need: 3 },
    ],
  },
  {
    key: DERIVED_INDICATOR_KEYS.romaSelfGovernment, titleHu: 'Roma nemzetiségi önkormányzat', titleEn: 'Roma nationality self-government',
    unitHu: 'van / nincs', unitEn: 'yes / no', kind: 'category', needDirection: 0,
    source: 'KSH Helységnévtár 2024', attribution: KSH, sortOrder: 90,
    categories: [
      { value: 0, label: { hu: 'Nincs', en: 'None' } },
      { value: 1, label: { hu: 'Van', en: 'Present' } },
    ],
  },
];
