/** The pages every header links to (Hungarian first; English below with the same keys). */
export const navigationHu = {
  'nav.label': 'Oldalak',
  'nav.map': 'Térkép',
  'nav.analysis': 'Elemzések',
  'nav.planning': 'Telephelytervezés',
  'nav.logistics': 'Szállítás',
  'nav.import': 'Adatok importálása',
  'nav.signals': 'Jelzés rögzítése',
  'nav.audit': 'Napló',
  'nav.donations': 'Adománybank',
  'nav.programmes': 'Programok',
  'nav.planning.short': 'Tervezés',
  'nav.import.short': 'Importálás',
  'nav.signals.short': 'Jelzés',
};

export const navigationEn: Record<keyof typeof navigationHu, string> = {
  'nav.label': 'Pages',
  'nav.map': 'Map',
  'nav.analysis': 'Analyses',
  'nav.planning': 'Site planning',
  'nav.logistics': 'Deliveries',
  'nav.import': 'Import data',
  'nav.signals': 'Record a signal',
  'nav.audit': 'Audit trail',
  'nav.donations': 'Donation bank',
  'nav.programmes': 'Programmes',
  'nav.planning.short': 'Planning',
  'nav.import.short': 'Import',
  'nav.signals.short': 'Signal',
};
