import type { ImportOutcome } from './run-import.ts';

const MAX_LISTED = 200;

/** The validation report for a terminal: what was found, every problem with row and column, and the outcome. */
export function formatImportOutcome(outcome: ImportOutcome, language: 'hu' | 'en' = 'en'): string {
  const { report } = outcome;
  const lines: string[] = [];
  const read = [report.format, report.encoding, report.delimiter ? `delimiter "${report.delimiter}"` : null,
    report.coordinateSystems.length > 0 ? `EPSG ${report.coordinateSystems.join(', ')}` : null].filter(Boolean).join(', ');
  lines.push(`${report.fileName} (${read || 'unreadable'}) → ${report.kind}`);
  const mapped = Object.entries(report.columns).map(([field, column]) => `${field} ← "${column}"`).join('; ');
  if (mapped) lines.push(`  columns: ${mapped}`);
  lines.push(`  rows: ${report.totalRows}, valid: ${report.validRows}, with errors: ${report.invalidRows}`);
  const errors = report.problems.filter((entry) => entry.severity === 'error');
  const warnings = report.problems.filter((entry) => entry.severity === 'warning');
  for (const [label, list] of [['errors', errors], ['warnings', warnings]] as const) {
    if (list.length === 0) continue;
    lines.push(`  ${label} (${list.length}):`);
    for (const entry of list.slice(0, MAX_LISTED)) {
      const where = [entry.location ?? (entry.row !== null ? `row ${entry.row}` : 'file'), entry.column ? `column ${entry.column}` : null].filter(Boolean).join(', ');
      lines.push(`    ${where}: ${entry.message[language]} [${entry.code}]`);
    }
    if (list.length > MAX_LISTED) lines.push(`    … and ${list.length - MAX_LISTED} more`);
  }
  if (report.preview.length > 0) {
    lines.push(`  would import (first ${report.preview.length}):`);
    for (const row of report.preview.slice(0, 5)) {
      lines.push(`    row ${row.row}: ${row.settlement}: ${Object.entries(row.values).filter(([, value]) => value !== null).map(([key, value]) => `${key}=${value}`).join(', ')}`);
    }
  }
  switch (outcome.status) {
    case 'validated':
      lines.push(`Dry run: nothing was written. ${errors.length === 0 ? `All ${report.validRows} rows can be imported.` : `${report.validRows} of ${report.totalRows} rows are valid.`}`);
      break;
    case 'imported':
      lines.push(`Imported ${outcome.written} rows as import #${outcome.importId}${report.invalidRows > 0 ? `; ${report.invalidRows} rows with errors were left out (policy ${outcome.policy})` : ''}. Undo with: npm run import -- rollback ${outcome.importId}`);
      break;
    case 'rejected':
      lines.push(`Not imported: ${errors.length} error(s); nothing was written (policy ${outcome.policy}${outcome.policy === 'all-or-nothing' && report.validRows > 0 ? '; --skip-invalid imports the valid rows only' : ''}).`);
      break;
  }
  return lines.join('\n');
}
