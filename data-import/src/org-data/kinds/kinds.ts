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

const PARTNER_KINDS: readonly Choice[] = [
  { key: 'municipality', aliases: ['municipality', 'önkormányzat', 'local government', 'onkormanyzati', 'telepulesi onkormanyzat', 'polgarmesteri hivatal'] },
  { key: 'ngo', aliases: ['ngo', 'civil szervezet', 'civil', 'egyesulet', 'alapitvany', 'nonprofit', 'association', 'foundation'] },
  { key: 'church', aliases: ['church', 'egyház', 'egyhazi', 'egyhazi szervezet', 'plebania', 'gyulekezet'] },
  { key: 'school', aliases: ['school', 'iskola', 'oktatasi intezmeny', 'ovoda', 'tankerulet'] },
  { key: 'business', aliases: ['business', 'vállalkozás', 'company', 'ceg', 'gazdasagi szervezet', 'kft', 'bt', 'zrt'] },
  { key: 'roma-self-government', aliases: ['roma self-government', 'roma nemzetiségi önkormányzat', 'roma self government', 'roma onkormanyzat', 'cigany nemzetisegi onkormanyzat', 'rno'] },
  { key: 'other', aliases: ['other', 'egyéb', 'mas'] },
];

const PROJECT_STATUSES: readonly Choice[] = [
  { key: 'planned', aliases: ['planned', 'tervezett', 'elokeszites alatt', 'elokeszites'] },
  { key: 'running', aliases: ['running', 'folyamatban', 'fut', 'megvalositas alatt', 'aktiv', 'active'] },
  { key: 'completed', aliases: ['completed', 'lezárult', 'lezart', 'befejezett', 'befejezodott', 'closed'] },
  { key: 'cancelled', aliases: ['cancelled', 'megszakadt', 'canceled', 'visszavont', 'torolt'] },
];

const MEMBER_KINDS: readonly Choice[] = [
  { key: 'volunteer', aliases: ['volunteer', 'önkéntes', 'aktivista', 'activist'] },
  { key: 'organisation-member', aliases: ['organisation member', 'szervezeti tag', 'organization member', 'organisation-member', 'szervezet tagja', 'munkatars', 'staff'] },
];

const EXPERIENCE_LEVELS: readonly Choice[] = [
  { key: 'new', aliases: ['new', 'kezdő', 'uj', 'beginner', '1'] },
  { key: 'experienced', aliases: ['experienced', 'tapasztalt', 'gyakorlott', '2'] },
  { key: 'mentor', aliases: ['mentor', 'mentor', 'senior', 'trener', 'kepzo', '3'] },
];

const CASE_DOMAINS: readonly Choice[] = [
  { key: 'education', aliases: ['education', 'oktatás', 'iskola', 'oktatasi'] },
  { key: 'housing', aliases: ['housing', 'lakhatás', 'lakas'] },
  { key: 'employment', aliases: ['employment', 'foglalkoztatás', 'munka', 'munkavallalas', 'munkahely'] },
  { key: 'health', aliases: ['health', 'egészségügy', 'egeszseg', 'egeszsegugyi ellatas'] },
  { key: 'public-administration', aliases: ['public administration', 'közigazgatás, ügyintézés', 'public-administration', 'kozigazgatas', 'ugyintezes', 'hatosag', 'hivatal', 'kozszolgaltatas'] },
  { key: 'other', aliases: ['other', 'egyéb', 'mas'] },
];

const CASE_HELP: readonly Choice[] = [
  { key: 'advice', aliases: ['advice', 'tanácsadás', 'tanacs'] },
  { key: 'administrative-help', aliases: ['administrative help', 'ügyintézési segítség', 'administrative-help', 'ugyintezes', 'ugyintezesi segitseg', 'adminisztrativ segitseg'] },
  { key: 'phone-email', aliases: ['phone/email', 'telefon/e-mail', 'phone-email', 'phone', 'email', 'telefon', 'telefonos', 'telefon/e-mail', 'levelezes'] },
  { key: 'mediation', aliases: ['mediation', 'mediáció', 'kozvetites', 'kozvetito'] },
  { key: 'follow-up', aliases: ['follow-up', 'nyomon követés', 'follow up', 'nyomonkovetes', 'utankovetes'] },
];

const CASE_STATUSES: readonly Choice[] = [
  { key: 'open', aliases: ['open', 'nyitott', 'uj', 'new'] },
  { key: 'in-progress', aliases: ['in progress', 'folyamatban', 'in-progress', 'intezes alatt'] },
  { key: 'closed', aliases: ['closed', 'lezárt', 'lezarva', 'megoldott', 'befejezett'] },
];

const ACTIVITY_KINDS: readonly Choice[] = [
  { key: 'workshop', aliases: ['workshop', 'műhely', 'muhelymunka', 'foglalkozas'] },
  { key: 'training', aliases: ['training', 'képzés', 'trening', 'tanfolyam'] },
  { key: 'supervision', aliases: ['supervision', 'szupervízió', 'esetmegbeszeles'] },
  { key: 'forum', aliases: ['forum', 'fórum', 'lakossagi forum', 'konferencia', 'conference'] },
  { key: 'community-event', aliases: ['community event', 'közösségi rendezvény', 'community-event', 'rendezveny', 'kozossegi program', 'event'] },
  { key: 'other', aliases: ['other', 'egyéb', 'mas'] },
];

const NETWORK = { aliases: ['halozat', 'segitoi halozat', 'halozat neve', 'network', 'helper network'], required: true, value: { type: 'text' } } as const;
const PROGRAMME = { aliases: ['program', 'programme', 'program neve', 'programme name', 'program name'], required: true, value: { type: 'text' } } as const;
const PROJECT = { aliases: ['projekt', 'projekt neve', 'project', 'project name'], required: true, value: { type: 'reference', to: 'project' } } as const;

/** Why the pseudonymous kinds refuse personal data columns. */
const PSEUDONYMOUS = {
  hu: 'az esetek és a segítők álnevesített adatok: név, elérhetőség és etnikai adat soha nem kerülhet be, csak ügyszám vagy tagkód',
  en: 'cases and helpers are pseudonymous records: never names, contact details or ethnicity, only a case number or member code',
} as const;

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
  programmes: {
    kind: 'programmes',
    title: { hu: 'Programok és projektek', en: 'Programmes and projects' },
    place: 'areas',
    guardsPersonalData: false,
    uniqueKey: ['programme', 'project'],
    fields: {
      programme: PROGRAMME,
      funder: { aliases: ['finanszirozo', 'tamogato', 'forras', 'funder', 'funding'], value: { type: 'text' } },
      callCode: { aliases: ['felhivas', 'felhivas kodja', 'konstrukcio', 'konstrukcio kodja', 'call code', 'call'], value: { type: 'text' } },
      programmeStart: { aliases: ['program kezdete', 'programme start', 'programme starts on'], value: { type: 'date' } },
      programmeEnd: { aliases: ['program vege', 'program zarasa', 'programme end', 'programme ends on'], value: { type: 'date' } },
      description: { aliases: ['leiras', 'program leirasa', 'description'], value: { type: 'text' } },
      project: { aliases: PROJECT.aliases, required: true, value: { type: 'text' } },
      projectCode: { aliases: ['projekt azonosito', 'projektazonosito', 'projekt kod', 'project code', 'project id'], value: { type: 'text' } },
      lead: { aliases: ['konzorciumvezeto', 'vezeto partner', 'fokedvezmenyezett', 'kedvezmenyezett', 'lead', 'lead partner', 'lead organisation'], value: { type: 'reference', to: 'partner' } },
      partners: { aliases: ['konzorciumi partnerek', 'konzorciumi tagok', 'partnerek', 'partners', 'consortium partners'], value: { type: 'reference', to: 'partner', many: true } },
      status: { aliases: ['allapot', 'statusz', 'status'], value: { type: 'choice', choices: PROJECT_STATUSES, default: 'running' } },
      startsOn: { aliases: ['kezdete', 'projekt kezdete', 'kezdes', 'start', 'starts on', 'project start'], value: { type: 'date' } },
      endsOn: { aliases: ['vege', 'projekt vege', 'befejezes', 'zaras', 'end', 'ends on', 'project end'], value: { type: 'date' } },
      budget: { aliases: ['koltsegvetes', 'tamogatas', 'tamogatas osszege', 'budget', 'budget huf', 'osszeg'], value: { type: 'integer' } },
      services: { aliases: ['szolgaltatasok', 'szolgaltatas', 'services'], value: { type: 'choices', choices: 'institution-types' } },
      settlements: { aliases: ['telepulesek', 'akcioterulet', 'akcioterulet telepulesei', 'settlements', 'action area'], value: { type: 'reference', to: 'settlement', many: true } },
      districts: { aliases: ['jarasok', 'jaras', 'districts', 'district'], value: { type: 'reference', to: 'district', many: true } },
      segregatedAreas: { aliases: ['szegregatumok', 'szegregatum', 'segregated areas', 'segregated area'], value: { type: 'reference', to: 'segregated-area', many: true } },
    },
  },
  partners: {
    kind: 'partners',
    title: { hu: 'Partnerszervezetek', en: 'Partner organisations' },
    place: 'settlement',
    guardsPersonalData: false,
    uniqueKey: ['name'],
    fields: {
      name: { ...NAME, aliases: [...NAME.aliases, 'szervezet', 'szervezet neve', 'partner', 'partner neve', 'organisation', 'organization'] },
      kind: { aliases: ['jelleg', 'szervezet tipusa', 'tipus', 'kind', 'type'], required: true, value: { type: 'choice', choices: PARTNER_KINDS } },
      contactRole: { aliases: ['kapcsolattarto szerepe', 'kapcsolattarto beosztasa', 'kapcsolattarto', 'contact role', 'contact'], value: { type: 'text' } },
      networks: { aliases: ['halozatok', 'halozat', 'networks', 'network'], value: { type: 'reference', to: 'network', many: true } },
    },
  },
  'network-members': {
    kind: 'network-members',
    title: { hu: 'Segítői hálózat tagjai', en: 'Helper-network members' },
    place: 'areas',
    guardsPersonalData: true,
    personalDataReason: PSEUDONYMOUS,
    uniqueKey: ['network', 'memberCode'],
    oneOf: ['settlements', 'districts'],
    fields: {
      network: NETWORK,
      memberCode: { aliases: ['tagkod', 'tag kod', 'azonosito', 'tag azonosito', 'member code', 'member id', 'code'], required: true, value: { type: 'text' } },
      kind: { aliases: ['tag tipusa', 'tipus', 'jelleg', 'kind', 'member kind'], required: true, value: { type: 'choice', choices: MEMBER_KINDS } },
      experience: { aliases: ['tapasztalat', 'tapasztalati szint', 'experience', 'experience level', 'szint'], value: { type: 'choice', choices: EXPERIENCE_LEVELS, default: 'new' } },
      partner: { aliases: ['szervezet', 'partnerszervezet', 'partner', 'organisation', 'organization'], value: { type: 'reference', to: 'partner' } },
      settlements: { aliases: ['telepulesek', 'mukodesi terulet', 'settlements', 'area of action'], value: { type: 'reference', to: 'settlement', many: true } },
      districts: { aliases: ['jarasok', 'jaras', 'districts', 'district'], value: { type: 'reference', to: 'district', many: true } },
    },
  },
  cases: {
    kind: 'cases',
    title: { hu: 'Esetek', en: 'Cases' },
    place: 'settlement',
    guardsPersonalData: true,
    personalDataReason: PSEUDONYMOUS,
    uniqueKey: ['network', 'caseNumber'],
    fields: {
      network: NETWORK,
      caseNumber: { aliases: ['ugyszam', 'esetszam', 'eset azonosito', 'eset szama', 'case number', 'case id', 'case'], required: true, value: { type: 'text' } },
      domain: { aliases: ['terulet', 'ugy terulete', 'tema', 'ugytipus', 'domain', 'area'], required: true, value: { type: 'choice', choices: CASE_DOMAINS } },
      help: { aliases: ['segitseg', 'nyujtott segitseg', 'segitseg formaja', 'help', 'help given'], value: { type: 'choices', choices: CASE_HELP } },
      status: { aliases: ['allapot', 'statusz', 'status'], value: { type: 'choice', choices: CASE_STATUSES, default: 'open' } },
      openedOn: { aliases: ['kezdete', 'bejelentes datuma', 'nyitas datuma', 'datum', 'opened', 'opened on', 'date'], required: true, value: { type: 'date' } },
      closedOn: { aliases: ['lezaras', 'lezaras datuma', 'closed', 'closed on'], value: { type: 'date' } },
    },
  },
  activities: {
    kind: 'activities',
    title: { hu: 'Tevékenységek', en: 'Activities' },
    place: 'settlement',
    guardsPersonalData: false,
    fields: {
      programme: PROGRAMME,
      project: PROJECT,
      kind: { aliases: ['tipus', 'esemeny tipusa', 'jelleg', 'kind', 'type', 'event kind'], required: true, value: { type: 'choice', choices: ACTIVITY_KINDS } },
      title: { aliases: ['cim', 'megnevezes', 'esemeny', 'title', 'event'], value: { type: 'text' } },
      date: { aliases: ['datum', 'idopont', 'date', 'held on'], required: true, value: { type: 'date' } },
      participants: { aliases: ['resztvevok', 'resztvevok szama', 'letszam', 'participants', 'participant count'], value: { type: 'integer' } },
    },
  },
};
