import type { BaseLoadResult } from './base/load-base.ts';

/** A plain-text summary of a base load: rows per table, repairs and notes. */
export function formatLoadSummary(result: BaseLoadResult): string {
  const lines = [`Base data loaded from ${result.source} in ${result.seconds.toFixed(1)} s`, '  table                  rows'];
  for (const [table, count] of Object.entries(result.counts)) {
    lines.push(`  ${table.padEnd(22)} ${String(count).padStart(7)}`);
  }
  lines.push(`  resident population 2024: ${result.population.toLocaleString('en-US')}`);
  for (const { layer, codes } of result.repaired) {
    lines.push(`  repaired with ST_MakeValid (${layer}, invalid as published): ${codes.join(', ')}`);
  }
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
