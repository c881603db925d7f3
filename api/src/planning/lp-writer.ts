import type { MilpModel } from './exact/milp-model.ts';

const TERMS_PER_LINE = 8;

/**
 * Writes a model in CPLEX LP format, which CBC, HiGHS, GLPK and SCIP all read,
 * so any run can be repeated in another solver. Long expressions are wrapped
 * (some readers limit line length); a constant objective offset becomes a
 * fixed column, since the format has no objective constant everywhere.
 */
export function writeLpFormat(model: MilpModel): string {
  const out: string[] = [];
  const names = model.columnNames;
  out.push(model.sense === 'minimize' ? 'Minimize' : 'Maximize');
  const objective: string[] = [];
  for (let j = 0; j < names.length; j += 1) {
    const cost = model.columnCost[j]!;
    if (cost !== 0) objective.push(term(cost, names[j]!, objective.length === 0));
  }
  if (model.offset !== 0) objective.push(term(model.offset, 'objective_offset', objective.length === 0));
  if (objective.length === 0) objective.push(`0 ${names[0] ?? 'objective_offset'}`);
  out.push(...wrap(' obj:', objective));

  out.push('Subject To');
  for (let r = 0; r < model.rowLower.length; r += 1) {
    const terms: string[] = [];
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k += 1) {
      terms.push(term(model.rowValues[k]!, names[model.rowIndices[k]!]!, terms.length === 0));
    }
    if (terms.length === 0) continue;
    const lower = model.rowLower[r]!;
    const upper = model.rowUpper[r]!;
    const name = model.rowNames[r]!;
    if (lower === upper) out.push(...wrap(` ${name}:`, terms, `= ${number(lower)}`));
    else {
      if (Number.isFinite(lower)) out.push(...wrap(` ${name}${Number.isFinite(upper) ? '_lo' : ''}:`, terms, `>= ${number(lower)}`));
      if (Number.isFinite(upper)) out.push(...wrap(` ${name}${Number.isFinite(lower) ? '_up' : ''}:`, terms, `<= ${number(upper)}`));
    }
  }

  out.push('Bounds');
  for (let j = 0; j < names.length; j += 1) {
    const lower = model.columnLower[j]!;
    const upper = model.columnUpper[j]!;
    const name = names[j]!;
    if (lower === upper) out.push(` ${name} = ${number(lower)}`);
    else if (!Number.isFinite(lower) && !Number.isFinite(upper)) out.push(` ${name} free`);
    else if (!Number.isFinite(upper)) out.push(` ${name} >= ${number(lower)}`);
    else out.push(` ${Number.isFinite(lower) ? number(lower) : '-inf'} <= ${name} <= ${Number.isFinite(upper) ? number(upper) : '+inf'}`);
  }
  if (model.offset !== 0) out.push(' objective_offset = 1');

  const integers = names.filter((_, j) => model.integer[j] === 1);
  if (integers.length > 0) {
    out.push('General');
    for (let k = 0; k < integers.length; k += TERMS_PER_LINE) out.push(` ${integers.slice(k, k + TERMS_PER_LINE).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}

function term(coefficient: number, name: string, first: boolean): string {
  const sign = coefficient < 0 ? '-' : first ? '' : '+';
  const magnitude = Math.abs(coefficient);
  return `${sign}${sign ? ' ' : ''}${magnitude === 1 ? '' : `${number(magnitude)} `}${name}`;
}

/** JavaScript's shortest round-trip form: exact, and in a syntax every LP reader accepts. */
function number(value: number): string {
  return String(value);
}

function wrap(head: string, terms: string[], tail = ''): string[] {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += TERMS_PER_LINE) {
    lines.push(`${k === 0 ? head : '   '} ${terms.slice(k, k + TERMS_PER_LINE).join(' ')}`);
  }
  if (tail) lines[lines.length - 1] += ` ${tail}`;
  return lines;
}
