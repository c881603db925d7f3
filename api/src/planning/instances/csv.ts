import { MalformedFileError } from '../planning-error.ts';

export interface CsvTable {
  header: string[];
  /** Data rows with their 1-based line numbers, for messages. */
  rows: { line: number; cells: string[] }[];
}

/**
 * RFC 4180 CSV (commas, double-quoted fields with "" escapes, quoted line
 * breaks). Every row must have as many cells as the header.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  for (let k = 0; k < text.length; k += 1) {
    const char = text[k]!;
    if (quoted) {
      if (char === '"') {
        if (text[k + 1] === '"') {
          cell += '"';
          k += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[k + 1] === '\n') k += 1;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      atFieldStart = true;
      line += 1;
      recordLine = line;
    } else {
      cell += char;
      atFieldStart = false;
    }
  }
  if (quoted) throw new MalformedFileError(file, recordLine, 'A quoted field is not closed.');
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  const [header, ...rows] = records;
  if (!header) throw new MalformedFileError(file, 1, 'The file is empty; expected a header row.');
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      throw new MalformedFileError(file, row.line, `${row.cells.length} fields where the header has ${header.cells.length}.`);
    }
  }
  return { header: header.cells, rows };
}

/** Index of a named column, or a MalformedFileError naming the header line. */
export function columnIndex(table: CsvTable, name: string, file: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) throw new MalformedFileError(file, 1, `The header has no column "${name}" (found: ${table.header.join(', ')}).`);
  return index;
}

/** A finite number from a cell, or a MalformedFileError at its line. */
export function numberCell(row: { line: number; cells: string[] }, index: number, file: string, what: string): number {
  const text = row.cells[index]!.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new MalformedFileError(file, row.line, `${what} "${text}" is not a number.`);
  return value;
}
