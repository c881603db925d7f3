import type { Locale, Localized } from '$lib/api/contract';

/** BCP 47 tag for number formatting: Hungarian format in Hungarian, British in English. */
export function numberLocaleOf(locale: Locale): string {
  return locale === 'hu' ? 'hu-HU' : 'en-GB';
}

export function pickLocalized(text: Localized, locale: Locale): string {
  return text[locale] || text.hu;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(numberLocaleOf(locale), {
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: 0,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Fraction digits that keep about three significant figures without noise on large numbers. */
export function fractionDigitsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || Number.isInteger(value)) return 0;
  if (magnitude >= 10) return 1;
  return 2;
}

/** Formats a number; negatives get a true minus sign (−), easier to read next to dashes. */
export function formatNumber(value: number, locale: Locale, fractionDigits = fractionDigitsFor(value)): string {
  return formatterFor(locale, fractionDigits).format(value).replace(/^-/, '\u2212');
}

/** "96 024 fő", "12,3%": the unit follows the number; a percent sign sticks to it. */
export function formatWithUnit(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale);
  if (!unit) return number;
  if (unit === '%') return `${number}%`;
  return `${number}\u00a0${unit}`;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatterFor(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(numberLocaleOf(locale), {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : { timeZone: 'UTC' }),
    });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** "2025. 03. 14. 09:30" (local time) from an ISO timestamp; the text itself when it is not one. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormatterFor(locale, true).format(date);
}

/** "2025. 03. 14." from a calendar date (YYYY-MM-DD), with no shift by time zone. */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormatterFor(locale, false).format(date);
}

/** "5 perc", "1 minute", "30 seconds": a wait in whole minutes from a minute on, else in seconds. */
export function formatWait(seconds: number, locale: Locale): string {
  const inMinutes = seconds >= 60;
  return new Intl.NumberFormat(numberLocaleOf(locale), {
    style: 'unit',
    unit: inMinutes ? 'minute' : 'second',
    unitDisplay: 'long',
  }).format(inMinutes ? Math.ceil(seconds / 60) : Math.max(1, Math.ceil(seconds)));
}
