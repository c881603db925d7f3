import type { ProgrammeDetail } from '@terep/db';
import { excelCsv, type CsvCell } from '../csv/excel-csv.ts';

const STATUS: Record<string, string> = { planned: 'tervezett', running: 'folyamatban', completed: 'lezárult', cancelled: 'megszakadt' };
const AREA_KIND: Record<string, string> = { settlement: 'település', district: 'járás', 'segregated-area': 'szegregátum', polygon: 'rajzolt terület' };
const PARTNER_KIND: Record<string, string> = {
  municipality: 'önkormányzat', ngo: 'civil szervezet', church: 'egyház', school: 'iskola', business: 'vállalkozás',
  'roma-self-government': 'roma nemzetiségi önkormányzat', other: 'egyéb',
};
const ACTIVITY_KIND: Record<string, string> = {
  workshop: 'műhely', training: 'képzés', supervision: 'szupervízió', forum: 'fórum', 'community-event': 'közösségi rendezvény', other: 'egyéb',
};

/**
 * A programme as one Hungarian Excel sheet: the programme's own fields, then a section each (a title
 * row, a header row, the rows, a blank row) for projects, partners, action areas, services, targets
 * and activities. No case counts: the programme page's figures are about projects, not people.
 */
export function programmeCsv(programme: ProgrammeDetail): string {
  const rows: CsvCell[][] = [
    ['Program', programme.name],
    ['Finanszírozó', programme.funder],
    ['Felhívás', programme.callCode],
    ['Időszak', [programme.startsOn, programme.endsOn].filter(Boolean).join(' – ') || null],
    ['Leírás', programme.description],
    ['Vármegyék', programme.counties.join(', ')],
    [],
  ];
  const section = (title: string, header: string[], body: CsvCell[][]) => rows.push([title], header, ...body, []);
  section('Projektek', ['Projekt', 'Azonosító', 'Állapot', 'Kezdete', 'Vége', 'Költségvetés (Ft)', 'Konzorciumvezető', 'Konzorciumi partnerek', 'Tevékenységek', 'Résztvevők'],
    programme.projects.map((project) => [project.name, project.code, STATUS[project.status] ?? project.status, project.startsOn, project.endsOn, project.budgetHuf,
      project.lead?.name ?? null, project.partners.map((partner) => partner.name).join('; '), project.activityCount, project.participantTotal]));
  section('Partnerek', ['Partner', 'Jelleg', 'Székhely', 'Kapcsolattartó szerepe', 'Projektek száma'],
    programme.partners.map((partner) => [partner.name, PARTNER_KIND[partner.kind] ?? partner.kind, partner.seat.name, partner.contactRole, partner.projectIds.length]));
  section('Akcióterület', ['Projekt', 'Típus', 'Kód', 'Név', 'Vármegyék'],
    programme.projects.flatMap((project) => project.area.map((part) => [project.name, AREA_KIND[part.kind] ?? part.kind, part.code, part.name, part.counties.join(', ')])));
  section('Szolgáltatások', ['Projekt', 'Szolgáltatás', 'Kulcs'],
    programme.projects.flatMap((project) => project.services.map((service) => [project.name, service.name.hu, service.key])));
  section('Indikátorok', ['Projekt', 'Indikátor', 'Mértékegység', 'Célérték', 'Teljesítés', 'Teljesítés aránya (%)', 'Jelentés dátuma'],
    programme.projects.flatMap((project) => project.targets.map((target) => [project.name, target.indicator, target.unit, target.target, target.achieved,
      target.ratio === null ? null : Math.round(target.ratio * 1000) / 10, target.reportedOn])));
  section('Tevékenységek', ['Dátum', 'Projekt', 'Típus', 'Cím', 'Település', 'Résztvevők'],
    programme.activities.map((activity) => [activity.date, activity.projectName, ACTIVITY_KIND[activity.kind] ?? activity.kind, activity.title, activity.settlement.name, activity.participants]));
  return excelCsv(rows);
}
