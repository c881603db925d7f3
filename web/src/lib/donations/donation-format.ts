import type { Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { DonationItem } from '@terep/db/contract';

/** An item's name in the UI language; its key when the list does not hold it (an item removed since). */
export function itemName(items: readonly DonationItem[], key: string, locale: Locale): string {
  const item = items.find((entry) => entry.key === key);
  if (!item) return key;
  return locale === 'en' ? item.nameEn || item.nameHu : item.nameHu;
}

/** A quantity as the item counts it: whole units for counted items, up to two decimals for measured ones (m³). */
export function quantityText(value: number, locale: Locale): string {
  return formatNumber(value, locale, Number.isInteger(value) ? 0 : 2);
}

/** Today as YYYY-MM-DD in the browser's time zone (the default of date fields). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
