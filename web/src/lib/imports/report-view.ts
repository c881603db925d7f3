import type { Locale } from '$lib/api/contract';
import { dictionary, type MessageKey, type MessageParams } from '../i18n/dictionary';
import { formatNumber } from '../i18n/format';
import { isNeedCategory, isUrgency } from '../org-layers/need-signal-vocabulary';
import { fieldOrderOf } from './import-kind-guide';
import type { ImportOutcome, ImportProblem, ImportReport, ImportValue, InstitutionType } from './import-types';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface LabelledValue {
  label: string;
  value: string;
}

export interface ProblemRow {
  /** Row number, or what the problem concerns when it is about the whole file ("fejléc"). */
  where: string;
  column: string;
  message: string;
  severity: ImportProblem['severity'];
  severityLabel: string;
}

export interface PreviewTable {
  /** Field names, in display order. */
  fields: string[];
  headers: string[];
  rows: { row: number; settlement: string; cells: string[] }[];
}

export interface ReportView {
  /** What was read: file, format, encoding, delimiter, coordinate systems. */
  read: LabelledValue[];
  /** Which file column fed which field. */
  columns: LabelledValue[];
  counts: { total: number; valid: number; invalid: number; warnings: number };
  problems: ProblemRow[];
  preview: PreviewTable;
}

export interface ReportContext {
  locale: Locale;
  t: Translate;
  institutionTypes: readonly InstitutionType[];
}

const FORMAT_NAMES: Record<string, string> = {
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  geojson: 'GeoJSON',
  shapefile: 'Shapefile (.zip)',
  geopackage: 'GeoPackage (.gpkg)',
};

const PERCENT_FIELDS = new Set(['lowEducationShare', 'noRegularIncomeShare']);
const PLAIN_NUMBER_FIELDS = new Set(['year']);

export function formatName(format: string | null): string {
  return format ? (FORMAT_NAMES[format] ?? format) : '–';
}

export function encodingName(encoding: string | null, t: Translate): string {
  if (!encoding) return '–';
  if (encoding === 'windows-1250') return t('encoding.windows-1250');
  return encoding.toUpperCase();
}

export function delimiterName(delimiter: string | null, t: Translate): string {
  if (delimiter === ';') return t('delimiter.semicolon');
  if (delimiter === ',') return t('delimiter.comma');
  if (delimiter === '\t') return t('delimiter.tab');
  return delimiter ?? '–';
}

export function coordinateSystemName(srid: number): string {
  if (srid === 23700) return 'EOV (EPSG:23700)';
  if (srid === 4326) return 'WGS 84 (EPSG:4326)';
  return `EPSG:${srid}`;
}

/** The label of a report field (`name`, `eovY`...), or the field itself when the UI does not know it. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  return key in dictionary.hu ? t(key as MessageKey) : field;
}

/** A value as the preview shows it: names for type keys and categories, numbers in the UI's format. */
export function formatImportValue(field: string, value: ImportValue | undefined, context: ReportContext): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') {
    if (PLAIN_NUMBER_FIELDS.has(field)) return String(value);
    const number = formatNumber(value, context.locale);
    return PERCENT_FIELDS.has(field) ? `${number}%` : number;
  }
  if (field === 'type') {
    const type = context.institutionTypes.find((candidate) => candidate.key === value);
    if (type) return context.locale === 'hu' ? type.nameHu : type.nameEn || type.nameHu;
  }
  if (field === 'category' && isNeedCategory(value)) return context.t(`category.${value}`);
  if (field === 'urgency' && isUrgency(value)) return context.t(`urgency.${value}`);
  return value;
}

function problemWhere(problem: ImportProblem, t: Translate): string {
  if (problem.row !== null) return String(problem.row);
  if (problem.location === 'header') return t('import.report.header');
  if (problem.location === 'file' || problem.location === null) return t('import.report.wholeFile');
  return problem.location;
}

function orderFields(fields: Iterable<string>, order: readonly string[]): string[] {
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return [...new Set(fields)].sort((a, b) => rank(a) - rank(b));
}

/** Everything the report section shows, in the UI's language. */
export function buildReportView(report: ImportReport, context: ReportContext): ReportView {
  const { t, locale } = context;
  const order = fieldOrderOf(report.kind);

  const read: LabelledValue[] = [
    { label: t('import.report.file'), value: report.fileName },
    { label: t('import.report.format'), value: formatName(report.format) },
  ];
  if (report.encoding) read.push({ label: t('import.report.encoding'), value: encodingName(report.encoding, t) });
  if (report.delimiter) read.push({ label: t('import.report.delimiter'), value: delimiterName(report.delimiter, t) });
  // The coordinate systems mean something only once the columns were recognised.
  if (report.format && Object.keys(report.columns).length > 0) {
    read.push({
      label: t('import.report.crs'),
      value: report.coordinateSystems.length ? report.coordinateSystems.map(coordinateSystemName).join(', ') : t('import.report.crsNone'),
    });
  }

  const columns = orderFields(Object.keys(report.columns), order).map((field) => ({
    label: fieldLabel(field, t),
    value: report.columns[field] ?? '',
  }));

  const problems = report.problems.map((problem) => ({
    where: problemWhere(problem, t),
    // Problems of the whole file name a field (a missing column); those of a row name the file's column.
    column: problem.column === null ? '–' : problem.row === null ? fieldLabel(problem.column, t) : problem.column,
    message: problem.message[locale] || problem.message.hu,
    severity: problem.severity,
    severityLabel: problem.severity === 'error' ? t('import.report.error') : t('import.report.warning'),
  }));

  const fields = orderFields(
    report.preview.flatMap((row) => Object.keys(row.values)),
    order,
  );
  const preview: PreviewTable = {
    fields,
    headers: fields.map((field) => fieldLabel(field, t)),
    rows: report.preview.map((row) => ({
      row: row.row,
      settlement: row.settlement,
      cells: fields.map((field) => formatImportValue(field, row.values[field], context)),
    })),
  };

  return {
    read,
    columns,
    counts: {
      total: report.totalRows,
      valid: report.validRows,
      invalid: report.invalidRows,
      warnings: report.problems.filter((problem) => problem.severity === 'warning').length,
    },
    problems,
    preview,
  };
}

export type OutcomeTone = 'success' | 'warning' | 'danger';

/** The one-line verdict over the report, and how it is coloured. */
export function describeOutcome(outcome: ImportOutcome, t: Translate, locale: Locale): { text: string; tone: OutcomeTone } {
  const { report } = outcome;
  const number = (value: number) => formatNumber(value, locale, 0);
  switch (outcome.status) {
    case 'validated':
      if (report.invalidRows === 0 && report.validRows > 0) {
        return { text: t('import.outcome.validatedClean', { valid: number(report.validRows) }), tone: 'success' };
      }
      return {
        text: t('import.outcome.validated', { valid: number(report.validRows), invalid: number(report.invalidRows) }),
        tone: report.validRows > 0 ? 'warning' : 'danger',
      };
    case 'imported': {
      const skipped = report.totalRows - outcome.written;
      const params = { written: number(outcome.written), id: outcome.importId ?? '?', skipped: number(skipped) };
      return skipped > 0
        ? { text: t('import.outcome.importedSkipped', params), tone: 'success' }
        : { text: t('import.outcome.imported', params), tone: 'success' };
    }
    case 'rejected':
      if (report.validRows === 0) return { text: t('import.outcome.rejectedNothing'), tone: 'danger' };
      if (outcome.policy === 'all-or-nothing') return { text: t('import.outcome.rejectedPolicy'), tone: 'danger' };
      return { text: t('import.outcome.rejected'), tone: 'danger' };
  }
}

/** Why "Import" cannot be pressed after a check, or null when it can. */
export function importBlockedReason(outcome: ImportOutcome, policy: ImportOutcome['policy']): MessageKey | null {
  const { report } = outcome;
  if (report.validRows === 0) return 'import.action.nothingValid';
  const fileLevelError = report.problems.some((problem) => problem.severity === 'error' && problem.row === null);
  if (fileLevelError) return 'import.action.nothingValid';
  const rowErrors = report.problems.some((problem) => problem.severity === 'error');
  if (rowErrors && policy === 'all-or-nothing') return 'import.action.blockedByErrors';
  return null;
}
