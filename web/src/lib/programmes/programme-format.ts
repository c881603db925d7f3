import type { Locale } from '$lib/api/contract';
import { formatDate, formatNumber } from '$lib/i18n/format';

/** "2017. 01. 01. – 2020. 12. 31.", an open end worded by the caller; null when neither end is known. */
export function periodText(startsOn: string | null, endsOn: string | null, locale: Locale, openWord: string): string | null {
  if (!startsOn && !endsOn) return null;
  const start = startsOn ? formatDate(startsOn, locale) : '…';
  const end = endsOn ? formatDate(endsOn, locale) : openWord;
  return `${start} – ${end}`;
}

/** A budget in forints: "1 250 000 Ft" / "HUF 1,250,000". */
export function budgetText(huf: number | null, locale: Locale): string | null {
  if (huf === null) return null;
  const number = formatNumber(huf, locale, 0);
  return locale === 'hu' ? `${number}\u00a0Ft` : `HUF\u00a0${number}`;
}

/** "60%" of a 0–1 share, in the UI's number format. */
export function percentText(share: number, locale: Locale): string {
  return `${formatNumber(Math.round(share * 100), locale, 0)}%`;
}

/** The month of a date as "2024-03" (the time slider's steps). */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** Every month from the first to the last (inclusive), as "YYYY-MM". */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** "2024. március" / "March 2024". */
export function monthText(month: string, locale: Locale): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'hu' ? 'hu-HU' : 'en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}
