import type { TableColumn } from '$lib/app-shell/data-table';
import { i18n } from '$lib/i18n/locale.svelte';

/** The column heads of the stock tables (the stock page and the stock report), in the current language. */
export function stockColumns(): TableColumn[] {
  return [
    { label: i18n.t('donations.common.warehouse') },
    { label: i18n.t('donations.common.item') },
    { label: i18n.t('donations.stock.onHand'), numeric: true },
    { label: i18n.t('donations.stock.reserved'), numeric: true },
    { label: i18n.t('donations.stock.available'), numeric: true },
  ];
}
