import { parse } from 'csv-parse/sync';
import { ImportError } from '../import-error.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import type { SourceTable } from './source-table.ts';

export interface CsvTableOptions {
  encoding?: TextEncoding | undefined;
  delimiter?: string | undefined;
}

const CANDIDATE_DELIMITERS = [';', ',', '\t'];

/** Reads an office CSV: UTF-8 or Windows-1250, `;` or `,` (or tab) delimited, header in line 1. */
export function readCsvTable(fileName: string, bytes: Uint8Array, options: CsvTableOptions = {}): SourceTable {
  const { text, encoding } = decodeText(bytes, options.encoding);
  if (text.trim() === '') throw new ImportError(fileName, undefined, 'the file is empty');
  if (encoding === 'utf-8' && text.includes('\uFFFD')) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new ImportError(fileName, `line ${line}`, 'the file is not valid UTF-8 text; Hungarian Windows exports are usually Windows-1250: try that encoding');
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new ImportError(fileName, lines ? `line ${lines}` : undefined, `not a valid CSV file: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) throw new ImportError(fileName, undefined, 'the file has a header but no data rows');
  const columns = header.record.map((column) => column.trim());
  return {
    format: 'csv',
    columns,
    encoding,
    delimiter,
    records: body.map(({ record, info }) => ({
      location: `line ${info.lines}`,
      row: info.lines,
      fields: Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ''])),
      geometry: null,
    })),
  };
}

/** The candidate that splits the header line into the most columns (quotes respected). */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const character of header) {
      if (character === '"') quoted = !quoted;
      else if (character === delimiter && !quoted) count += 1;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
