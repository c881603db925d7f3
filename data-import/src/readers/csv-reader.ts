import { parse } from 'csv-parse/sync';
import { ImportError } from '../import-error.ts';
import { readTextFile } from './read-text-file.ts';

export interface CsvRow {
  /** 1-based line number in the file, for error messages. */
  line: number;
  values: Record<string, string>;
}

export interface CsvOptions {
  delimiter: string;
  /** Columns that must be in the header; a missing one stops the import. */
  requiredColumns: readonly string[];
}

export function readCsv(path: string, options: CsvOptions): CsvRow[] {
  const text = readTextFile(path);
  if (text.trim() === '') throw new ImportError(path, undefined, 'the file is empty');
  checkHeader(path, text, options);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: true,
      delimiter: options.delimiter,
      skip_empty_lines: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new ImportError(path, lines ? `line ${lines}` : undefined, `not a valid CSV file: ${(error as Error).message}`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

const LIKELY_DELIMITERS = [';', ',', '\t', '|'];

/** Checks the header before the body, so a wrong delimiter is named as such rather than as a quoting error. */
function checkHeader(path: string, text: string, options: CsvOptions): void {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(options.delimiter).map((column) => column.trim().replace(/^"|"$/g, ''));
  const missing = options.requiredColumns.filter((column) => !header.includes(column));
  if (missing.length === 0) return;
  const other = LIKELY_DELIMITERS.find((delimiter) => delimiter !== options.delimiter && firstLine.split(delimiter).length > header.length);
  const hint = header.length === 1 && other
    ? ` (the header is separated by "${other === '\t' ? 'tab' : other}"; is the delimiter "${options.delimiter}"?)`
    : '';
  throw new ImportError(path, 'line 1 (header)', `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}${hint}`);
}
