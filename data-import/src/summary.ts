import type { BaseLoadResult } from './base/load-base.ts';

/** A plain-text summary of a base load: rows per table with what they count, repairs and notes. */
export function formatLoadSummary(result: BaseLoadResult): string {
  const number = (value: number) => value.toLocaleString('en-US');
  const derived = result.counts.indicator_value - result.valuesRead;
  const what: Record<keyof BaseLoadResult['counts'], string> = {
    county: 'counties',
    district: 'districts',
    settlement: "settlements (Budapest's 23 districts each one; Budapest as a whole none)",
    settlement_part: 'settlement parts (centre, outskirts, farmsteads; KSH 2018)',
    indicator: 'indicators in the catalogue',
    indicator_value: `indicator values: ${number(result.valuesRead)} read from the files, ${number(derived)} derived (district and county sums, district values shown for their settlements)`,
    boundary_generalised: `simplified boundaries: ${number(result.boundaries)} boundaries × ${result.zoomLevels} zoom levels`,
  };
  const lines = [`Base data loaded from ${result.source} in ${result.seconds.toFixed(1)} s`, `  ${'table'.padEnd(22)} ${'rows'.padStart(7)}  what the rows are`];
  for (const [table, count] of Object.entries(result.counts) as [keyof BaseLoadResult['counts'], number][]) {
    lines.push(`  ${table.padEnd(22)} ${String(count).padStart(7)}  ${what[table] ?? ''}`.trimEnd());
  }
  lines.push(`  resident population 2024: ${number(result.population)}`);
  for (const { layer, units } of result.repaired) {
    lines.push(`  ${layer} invalid in the source and repaired with ST_MakeValid (${units.length}): ${units.map((unit) => `${unit.name} (${unit.code})`).join(', ')}`);
  }
  if (result.repaired.length === 0) lines.push('  no boundary needed repair');
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
