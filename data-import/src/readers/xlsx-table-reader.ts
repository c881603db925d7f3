import { readSheet } from 'read-excel-file/node';
import { ImportError } from '../import-error.ts';
import type { SourceTable } from './source-table.ts';
import { ArchiveTooLargeError, unzipWithinBudget } from './unzip-within-budget.ts';

/**
 * Reads the first sheet of an Excel workbook; line 1 is the header. A workbook is a zip: it is
 * first expanded as a stream within `maxExpandedBytes` (counted, not kept), because the workbook reader unpacks it whole.
 */
export async function readXlsxTable(fileName: string, bytes: Uint8Array, maxExpandedBytes: number): Promise<SourceTable> {
  try {
    await unzipWithinBudget(fileName, bytes, { maxExpandedBytes, wanted: () => true, keep: false });
  } catch (error) {
    // Only the size is checked here; a broken archive is reported by the workbook reader below.
    if (error instanceof ArchiveTooLargeError) throw error;
  }
  let rows: unknown[][];
  try {
    rows = (await readSheet(Buffer.from(bytes))) as unknown[][];
  } catch (error) {
    throw new ImportError(fileName, undefined, `not a readable Excel .xlsx workbook: ${(error as Error).message}`);
  }
  const nonEmpty = rows.filter((row) => row.some((cell) => cellText(cell) !== ''));
  const [header, ...body] = nonEmpty;
  if (!header || body.length === 0) throw new ImportError(fileName, undefined, 'the first sheet has no header and data rows');
  const columns = header.map((cell) => cellText(cell));
  return {
    format: 'xlsx',
    columns,
    records: body.map((row) => {
      const rowNumber = rows.indexOf(row) + 1;
      return {
        location: `row ${rowNumber}`,
        row: rowNumber,
        fields: Object.fromEntries(columns.map((column, index) => [column, cellText(row[index])])),
        geometry: null,
      };
    }),
  };
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
