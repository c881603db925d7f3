import type { Locale } from '$lib/api/contract';
import { i18n } from '$lib/i18n/locale.svelte';

export type LocalParams = Record<string, string | number>;

/**
 * A translator for strings the shared dictionary does not hold yet (the analysis page's),
 * driven by the same language state and the same `{name}` parameters. Meant to move into
 * `$lib/i18n/messages/` as is: the tables already have the dictionary's shape.
 */
export function localTranslator<K extends string>(hu: Record<K, string>, en: Record<K, string>) {
  const tables: Record<Locale, Record<K, string>> = { hu, en };
  const translate = (key: K, params: LocalParams = {}): string =>
    tables[i18n.current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  // The tables ride along so the catalogue test can compare the two languages of every panel.
  return Object.assign(translate, { tables });
}
