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
  const header = firstLineColumns(text, options.delimiter);
  const missing = options.requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    const delimiterHint = header.length === 1 ? ` (only one column was found: is the delimiter "${options.delimiter}"?)` : '';
    throw new ImportError(path, 'line 1 (header)', `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}${delimiterHint}`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

function firstLineColumns(text: string, delimiter: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split(delimiter).map((column) => column.trim().replace(/^"|"$/g, ''));
}
