import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/** A cell Excel would read as a formula (=, +, -, @ first) is kept as text. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * Rows as a Hungarian Excel opens them: UTF-8 with a byte-order mark, `;` between cells, CRLF lines,
 * numbers with a decimal comma, and text that would start a formula made inert.
 */
export function excelCsv(rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell).replace('.', ',') : inert(cell))));
  return stringify(cells, { delimiter: ';', bom: true, record_delimiter: 'windows' });
}
