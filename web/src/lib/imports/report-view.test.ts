import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n/dictionary';
import type { ImportOutcome, ImportReport } from './import-types';
import { buildReportView, describeOutcome, importBlockedReason } from './report-view';

const t = (key: MessageKey, params?: MessageParams) => translate('hu', key, params);
const types = [{ key: 'social-kitchen', nameHu: 'Szociális konyha / étkeztetés', nameEn: 'Social kitchen', builtin: true }];

/** The report of a Windows-1250 CSV with EOV coordinates and one swapped row, as the API sends it. */
const REPORT: ImportReport = {
  kind: 'institutions',
  fileName: 'intezmenyek.csv',
  format: 'csv',
  encoding: 'windows-1250',
  delimiter: ';',
  coordinateSystems: [23700],
  columns: { eovX: 'EOV X', name: 'Név', capacity: 'Férőhely', type: 'Típus', settlement: 'Település', eovY: 'EOV Y' },
  totalRows: 3,
  validRows: 2,
  invalidRows: 1,
  problems: [
    { severity: 'error', code: 'COORDINATES_SWAPPED', row: 5, location: 'line 5', column: 'EOV Y/EOV X', message: { hu: 'fel van cserélve', en: 'swapped' } },
    { severity: 'warning', code: 'SETTLEMENT_RESOLVED', row: null, location: 'header', column: null, message: { hu: 'fejléc gond', en: 'header issue' } },
  ],
  preview: [{ row: 2, settlement: 'Cigánd', values: { name: 'Konyha', type: 'social-kitchen', capacity: 12500, operator: null } }],
};

const outcome = (patch: Partial<ImportOutcome>): ImportOutcome => ({ status: 'validated', importId: null, written: 0, policy: 'all-or-nothing', report: REPORT, ...patch });

describe('buildReportView', () => {
  const view = buildReportView(REPORT, { locale: 'hu', t, institutionTypes: types });

  it('says what was read in the UI language', () => {
    expect(view.read).toEqual([
      { label: 'Fájl', value: 'intezmenyek.csv' },
      { label: 'Formátum', value: 'CSV' },
      { label: 'Kódolás', value: 'Windows-1250 (közép-európai)' },
      { label: 'Elválasztó', value: 'pontosvessző (;)' },
      { label: 'Koordináta-rendszer', value: 'EOV (EPSG:23700)' },
    ]);
  });

  it("lists which column fed which field, the kind's fields before the location ones", () => {
    expect(view.columns.map((column) => column.value)).toEqual(['Név', 'Típus', 'Férőhely', 'Település', 'EOV Y', 'EOV X']);
    expect(view.columns[0]).toEqual({ label: 'Név', value: 'Név' });
  });

  it('locates problems by row, or by what they concern', () => {
    expect(view.problems.map((problem) => [problem.where, problem.column, problem.severityLabel])).toEqual([
      ['5', 'EOV Y/EOV X', 'Hiba'],
      ['fejléc', '–', 'Figyelmeztetés'],
    ]);
    expect(view.counts).toEqual({ total: 3, valid: 2, invalid: 1, warnings: 1 });
  });

  it('names type keys and formats numbers in the preview', () => {
    expect(view.preview.headers).toEqual(['Név', 'Típus', 'Férőhely / kapacitás', 'Fenntartó']);
    expect(view.preview.rows[0]?.cells).toEqual(['Konyha', 'Szociális konyha / étkeztetés', '12\u00a0500', '–']);
  });
});

describe('importBlockedReason', () => {
  it('lets "all or nothing" import only a file without errors', () => {
    expect(importBlockedReason(outcome({}), 'all-or-nothing')).toBe('import.action.blockedByErrors');
    expect(importBlockedReason(outcome({}), 'skip-invalid')).toBeNull();
  });

  it('blocks a file with nothing valid or an error about the whole file', () => {
    expect(importBlockedReason(outcome({ report: { ...REPORT, validRows: 0 } }), 'skip-invalid')).toBe('import.action.nothingValid');
    const fileError = { ...REPORT, problems: [{ ...REPORT.problems[0]!, row: null }] };
    expect(importBlockedReason(outcome({ report: fileError }), 'skip-invalid')).toBe('import.action.nothingValid');
  });
});

describe('describeOutcome', () => {
  it('sums up a check, an import and a refusal', () => {
    expect(describeOutcome(outcome({}), t, 'hu')).toEqual({ text: 'Ellenőrzés kész: 2 sor importálható, 1 hibás.', tone: 'warning' });
    expect(describeOutcome(outcome({ status: 'imported', importId: 7, written: 2, policy: 'skip-invalid' }), t, 'hu').text).toBe(
      'Importálva: 2 sor (import #7); 1 hibás sor kimaradt.',
    );
    expect(describeOutcome(outcome({ status: 'rejected' }), t, 'hu').tone).toBe('danger');
  });
});
