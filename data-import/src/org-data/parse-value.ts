import { foldName } from '@terep/db';
import { parseDecimal } from './locate/coordinates.ts';
import type { Choice, ValueType } from './kinds/kind-spec.ts';

export type ParsedValue = { ok: true; value: string | number | null } | { ok: false; hu: string; en: string };

const HU_DATE = /^(\d{4})[.\-/ ]\s*(\d{1,2})[.\-/ ]\s*(\d{1,2})\.?$/;

/** Parses one cell by its field's type; an empty cell is null (required-ness is checked by the caller). */
export function parseValue(text: string, type: ValueType, choices: readonly Choice[]): ParsedValue {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: type.type === 'choice' && type.default ? type.default : null };
  switch (type.type) {
    case 'text':
      return { ok: true, value: trimmed };
    case 'integer':
    case 'number':
    case 'percent':
    case 'year': {
      const number = parseDecimal(type.type === 'percent' ? trimmed.replace(/%$/, '') : trimmed);
      if (number === undefined) return { ok: false, hu: `„${trimmed}” nem szám`, en: `"${trimmed}" is not a number` };
      if (number < 0) return { ok: false, hu: `negatív érték: ${trimmed}`, en: `negative value: ${trimmed}` };
      if ((type.type === 'integer' || type.type === 'year') && !Number.isInteger(number)) {
        return { ok: false, hu: `„${trimmed}” nem egész szám`, en: `"${trimmed}" is not a whole number` };
      }
      if (type.type === 'percent' && number > 100) return { ok: false, hu: `${trimmed}: az arány 0 és 100 (%) közé esik`, en: `${trimmed}: a share lies between 0 and 100 (%)` };
      if (type.type === 'year' && (number < 1900 || number > 2100)) return { ok: false, hu: `${trimmed}: nem évszám`, en: `${trimmed}: not a year` };
      return { ok: true, value: number };
    }
    case 'date': {
      const match = HU_DATE.exec(trimmed);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
      if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) {
        return { ok: false, hu: `„${trimmed}” nem dátum (ÉÉÉÉ-HH-NN vagy ÉÉÉÉ.HH.NN.)`, en: `"${trimmed}" is not a date (YYYY-MM-DD or YYYY.MM.DD.)` };
      }
      return { ok: true, value: date.toISOString().slice(0, 10) };
    }
    case 'choice': {
      const found = findChoice(trimmed, choices);
      if (!found) {
        return { ok: false, hu: `ismeretlen érték: „${trimmed}”`, en: `unknown value "${trimmed}"` };
      }
      return { ok: true, value: found.key };
    }
    case 'choices': {
      const items = splitList(trimmed);
      const unknown = items.filter((item) => !findChoice(item, choices));
      if (unknown.length > 0) {
        return {
          ok: false,
          hu: `ismeretlen érték: ${unknown.map((item) => `„${item}”`).join(', ')}`,
          en: `unknown value ${unknown.map((item) => `"${item}"`).join(', ')}`,
        };
      }
      return { ok: true, value: [...new Set(items.map((item) => findChoice(item, choices)!.key))].join(';') };
    }
    case 'reference':
      return { ok: true, value: type.many ? splitList(trimmed).join(';') : trimmed };
  }
}

/** The items of a list cell: separated by ";", "|" or line breaks (commas stay, organisations' names hold them). */
export function splitList(text: string): string[] {
  return text.split(/[;|\n]/).map((item) => item.trim()).filter((item) => item !== '');
}

function findChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const folded = foldName(text);
  return choices.find((choice) => choice.key === text || choice.aliases.some((alias) => foldName(alias) === folded))
    ?? choices.find((choice) => choice.aliases.some((alias) => foldName(alias).length >= 5 && folded.startsWith(foldName(alias))));
}
