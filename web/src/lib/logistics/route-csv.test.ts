import { describe, expect, it } from 'vitest';
import { PLAN_FIXTURE } from './route-plan.fixture';
import { routePlanCsv, type RouteCsvHeaders } from './route-csv';

const HEADERS: RouteCsvHeaders = {
  route: 'Útvonal', vehicle: 'Jármű', order: '#', stop: 'Megálló', settlementCode: 'KSH', arrival: 'Érkezés', departure: 'Indulás',
  window: 'Időablak', delivery: 'Le', pickup: 'Fel', load: 'Rakomány', distanceKm: 'km',
};

describe('routePlanCsv', () => {
  it('writes a row per stop between the depot rows, semicolon-separated with decimal commas', () => {
    const csv = routePlanCsv(PLAN_FIXTURE, HEADERS, 'hu');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Útvonal;Jármű;#;Megálló;KSH;Érkezés;Indulás;Időablak;Le;Fel;Rakomány;km',
      '1;Kisbusz 1;0;Miskolci raktár;;;08:00;;;;9;',
      '1;Kisbusz 1;1;Sajószentpéter;16054;08:20;08:30;;4;0;5;18,3',
      '1;Kisbusz 1;2;"Családsegítő ""Remény""; Kazincbarcika";06691;08:50;09:10;09:00–12:00;5;3;3;8,5',
      '1;Kisbusz 1;3;Miskolci raktár;;10:10;;;;;;20',
    ]);
  });

  it('keeps decimal points in English', () => {
    expect(routePlanCsv(PLAN_FIXTURE, HEADERS, 'en')).toContain(';18.3\r\n');
  });
});
