import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { dictionary, isMessageKey } from './dictionary';

// The panels' translators read the UI language from a rune; the tables themselves are plain data.
vi.mock('$lib/i18n/locale.svelte', () => ({ i18n: { current: 'hu' } }));

type Tables = { hu: Record<string, string>; en: Record<string, string> };
type Translator = ((key: string) => string) & { tables?: Tables };

const panelModules = import.meta.glob<Record<string, unknown>>('/web/src/**/*-messages.ts', { eager: true });

function catalogues(): [string, Tables][] {
  const panels = Object.entries(panelModules).flatMap(([file, module]) =>
    Object.values(module)
      .filter((value): value is Translator & { tables: Tables } => typeof value === 'function' && 'tables' in value)
      .map((translator): [string, Tables] => [file, translator.tables]),
  );
  return [['dictionary', dictionary as unknown as Tables], ...panels];
}

/**
 * Values that are the same word in both languages: units, model and file-format names,
 * symbols. Anything else identical in both is a string left untranslated.
 */
const SAME_IN_BOTH = new Set(['km', 'km/h', 'Ft/km', 'p-center', 'CSV', 'GPX', 'Excel', 'HiGHS', 'm³']);

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

/** The informal address (tegezés) the Hungarian UI never uses: it addresses the user formally ("Töltse fel", "Adja meg"). */
const INFORMAL = /(?<!\p{L})(adj|add meg|válassz|válaszd|kattints|töröld|töltsd|próbáld|importáld|jelölj|jelöld|húzz|húzd|emeld|lazíts|nézd|írd|oszd|kérlek|ellenőrizd|használd)(?!\p{L})/iu;

/** A template of parameters and punctuation only ("{model}, {service}") has nothing to translate. */
const wordless = (text: string): boolean => !/\p{L}/u.test(text.replace(/\{\w+\}/g, ''));

describe('message catalogues', () => {
  it('are found: the shared dictionary and every panel file', () => {
    expect(catalogues().length).toBeGreaterThanOrEqual(8);
  });

  it.each(catalogues())('%s has the same keys and parameters in Hungarian and English', (_file, tables) => {
    expect(Object.keys(tables.en).sort()).toEqual(Object.keys(tables.hu).sort());
    const mismatched = Object.keys(tables.hu).filter((key) => placeholders(tables.hu[key]!).join() !== placeholders(tables.en[key] ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it.each(catalogues())('%s translates every value (same text in both only for units and names)', (_file, tables) => {
    const untranslated = Object.keys(tables.hu).filter((key) => tables.hu[key] === tables.en[key] && !SAME_IN_BOTH.has(tables.hu[key]!) && !wordless(tables.hu[key]!));
    expect(untranslated).toEqual([]);
  });

  it.each(catalogues())('%s addresses the user formally in Hungarian', (_file, tables) => {
    const informal = Object.entries(tables.hu).filter(([, text]) => INFORMAL.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(informal).toEqual([]);
  });
});

describe('API error codes', () => {
  it('are each worded in the UI catalogue (web/src/lib/i18n/messages/api-errors.ts)', () => {
    // The codes are a type, so they are read from the source: every quoted code of the ApiErrorCode union.
    const source = readFileSync(new URL('../../../../api/src/http/api-error.ts', import.meta.url), 'utf8');
    const union = source.slice(source.indexOf('export type ApiErrorCode'), source.indexOf(';', source.indexOf('export type ApiErrorCode')));
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]!);
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((code) => !isMessageKey(`apiError.${code}`))).toEqual([]);
  });
});
