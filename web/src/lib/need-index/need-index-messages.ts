import { localTranslator } from '$lib/coverage/local-translator';

const hu = {
  'needIndex.title': 'Szükségletindex',
  'needIndex.intro': 'Összetett index választott mutatókból és súlyokból: a mutatók irányát figyelembe veszi (pl. alacsonyabb fejlettségi mutató = nagyobb szükséglet).',
  'needIndex.name': 'Név',
  'needIndex.namePlaceholder': 'pl. Téli krízis index',
  'needIndex.add': 'Mutató hozzáadása…',
  'needIndex.indicators': 'Mutatók',
  'needIndex.signals': 'Saját szükségletjelzések 1000 lakosra',
  'needIndex.signals.all': 'Szükségletjelzések 1000 lakosra (minden kategória)',
  'needIndex.signals.category': 'Szükségletjelzések 1000 lakosra: {category}',
  'needIndex.weight': 'Súly',
  'needIndex.remove': 'Eltávolítás',
  'needIndex.none': 'Még nincs kiválasztott mutató.',
  'needIndex.save': 'Index mentése',
  'needIndex.saving': 'Mentés…',
  'needIndex.saved': '„{name}” elmentve ({count} település).',
  'needIndex.showDashboard': 'Megjelenítés a műszerfalon',
  'needIndex.showHere': 'Megjelenítés ezen a térképen',
  'needIndex.error': 'Az index nem menthető.',
  'needIndex.listTitle': 'Mentett indexek',
  'needIndex.listNone': 'Még nincs mentett index.',
  'needIndex.delete': 'Törlés',
  'needIndex.hide': 'Elrejtés',
  'needIndex.share': '{share}%',
  'needIndex.legend': 'Szükségletindex: {name}',
} as const;

type Key = keyof typeof hu;

const en: Record<Key, string> = {
  'needIndex.title': 'Need index',
  'needIndex.intro': 'A composite index of chosen indicators and weights, aware of each indicator’s direction (e.g. a lower development index means more need).',
  'needIndex.name': 'Name',
  'needIndex.namePlaceholder': 'e.g. Winter crisis index',
  'needIndex.add': 'Add an indicator…',
  'needIndex.indicators': 'Indicators',
  'needIndex.signals': 'Own need signals per 1,000 residents',
  'needIndex.signals.all': 'Need signals per 1,000 residents (all categories)',
  'needIndex.signals.category': 'Need signals per 1,000 residents: {category}',
  'needIndex.weight': 'Weight',
  'needIndex.remove': 'Remove',
  'needIndex.none': 'No indicator chosen yet.',
  'needIndex.save': 'Save the index',
  'needIndex.saving': 'Saving…',
  'needIndex.saved': '“{name}” saved ({count} settlements).',
  'needIndex.showDashboard': 'Show on the dashboard',
  'needIndex.showHere': 'Show on this map',
  'needIndex.error': 'The index could not be saved.',
  'needIndex.listTitle': 'Saved indices',
  'needIndex.listNone': 'No saved index yet.',
  'needIndex.delete': 'Delete',
  'needIndex.hide': 'Hide',
  'needIndex.share': '{share}%',
  'needIndex.legend': 'Need index: {name}',
};

export const tn = localTranslator<Key>(hu, en);
