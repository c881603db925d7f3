import { utf8 } from './org-fixtures.ts';
import type { FixtureFile } from './import-fixtures.ts';

/**
 * Synthetic programme files (issue 15) in the shapes programme offices send: every name ends in
 * "(teszt)" and every figure is made up for tests, never loaded as real data. Import them in this
 * order: partners before the programmes that name them, programmes before their activities.
 */
const csv = (lines: string[]) => lines.join('\r\n');

export const PROGRAMME_NAME = 'Mélyszegénységi program (teszt)';
export const MENTOR_PROGRAMME_NAME = 'Ózdi mentorprogram (teszt)';
export const NETWORK_NAME = 'Roma Segítői Hálózat (teszt)';

export const PARTNERS_CSV = csv([
  'Név;Jelleg;Település;Kapcsolattartó szerepe;Hálózatok',
  `Ózd Város Önkormányzata (teszt);Önkormányzat;Ózd;szociális osztály;`,
  `Ózdi Roma Nemzetiségi Önkormányzat (teszt);Roma nemzetiségi önkormányzat;Ózd;elnök;${NETWORK_NAME}`,
  'Sátai Általános Iskola (teszt);Iskola;Sáta;igazgató;',
  'Putnoki Közösségi Egyesület (teszt);Civil szervezet;Putnok;programvezető;',
]);

/** Two projects of one programme (one by settlements, one by a district) and a second programme overlapping the first in Ózd. */
export const PROGRAMMES_CSV = csv([
  'Program;Finanszírozó;Felhívás;Projekt;Konzorciumvezető;Konzorciumi partnerek;Állapot;Kezdete;Vége;Költségvetés;Szolgáltatások;Települések;Járások',
  `${PROGRAMME_NAME};Európai Szociális Alap;TOP 6.9.1;Ózdi telepprogram (teszt);Ózd Város Önkormányzata (teszt);"Ózdi Roma Nemzetiségi Önkormányzat (teszt); Sátai Általános Iskola (teszt)";folyamatban;2019.01.01.;2021.12.31.;250000000;"Közösségfejlesztés; Tanoda";"Ózd; Sáta";`,
  `${PROGRAMME_NAME};Európai Szociális Alap;TOP 6.9.1;Putnoki közösségi projekt (teszt);Putnoki Közösségi Egyesület (teszt);;tervezett;2020-03-01;2022-02-28;80000000;Kompetenciafejlesztő tréning;;Putnoki járás`,
  `${MENTOR_PROGRAMME_NAME};Ózd Város Önkormányzata;;Mentorok a telepeken (teszt);Ózd Város Önkormányzata (teszt);;folyamatban;2021-09-01;;;Mentorprogram iroda;Ózd;`,
]);

export const NETWORK_MEMBERS_CSV = csv([
  'Hálózat;Tagkód;Típus;Tapasztalat;Települések;Járások',
  `${NETWORK_NAME};M-001;önkéntes;tapasztalt;"Ózd; Arló";`,
  `${NETWORK_NAME};M-002;szervezeti tag;kezdő;;Encsi járás`,
]);

/** Six education cases in Ózd (shown exactly) and two housing cases in Arló (withheld as "<5"). */
export const CASES_CSV = csv([
  'Hálózat;Ügyszám;Település;Terület;Nyújtott segítség;Állapot;Kezdete;Lezárás',
  ...[1, 2, 3, 4, 5, 6].map((index) => `${NETWORK_NAME};E-2024-00${index};Ózd;oktatás;"tanácsadás; mediáció";${index <= 2 ? 'lezárt' : 'folyamatban'};2024.0${index}.10.;${index <= 2 ? `2024.0${index}.28.` : ''}`),
  `${NETWORK_NAME};L-2024-001;Arló;lakhatás;ügyintézési segítség;nyitott;2024-05-02;`,
  `${NETWORK_NAME};L-2024-002;Arló;lakhatás;telefon/e-mail;nyitott;2024-06-12;`,
]);

export const ACTIVITIES_CSV = csv([
  'Program;Projekt;Típus;Cím;Dátum;Település;Résztvevők száma',
  `${PROGRAMME_NAME};Ózdi telepprogram (teszt);műhely;Családi nap (teszt);2019.05.18.;Ózd;42`,
  `${PROGRAMME_NAME};Ózdi telepprogram (teszt);képzés;Digitális alapok (teszt);2019.10.02.;Sáta;12`,
  `${PROGRAMME_NAME};Putnoki közösségi projekt (teszt);fórum;Lakossági fórum (teszt);2020-04-20;Putnok;35`,
]);

/** The whole synthetic programme set, in import order. */
export const PROGRAMME_FIXTURES: readonly FixtureFile[] = [
  { kind: 'partners', fileName: 'partnerek.csv', bytes: utf8(PARTNERS_CSV) },
  { kind: 'programmes', fileName: 'programok.csv', bytes: utf8(PROGRAMMES_CSV) },
  { kind: 'network-members', fileName: 'halozat.csv', bytes: utf8(NETWORK_MEMBERS_CSV) },
  { kind: 'cases', fileName: 'esetek.csv', bytes: utf8(CASES_CSV) },
  { kind: 'activities', fileName: 'tevekenysegek.csv', bytes: utf8(ACTIVITIES_CSV) },
];
