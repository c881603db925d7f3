import type { IgnoredParam } from './map-position';

/** A record id param (`plan=12`): a plain positive decimal integer, else ignored. */
export function parseIdParam(search: URLSearchParams, name: string): { id: number | null; ignored: IgnoredParam[] } {
  const text = search.get(name);
  if (text === null) return { id: null, ignored: [] };
  if (/^[1-9]\d{0,8}$/.test(text)) return { id: Number(text), ignored: [] };
  return { id: null, ignored: [{ name, value: text }] };
}

/**
 * An indicator, need-index or service-type key (`population_change_2011_2024`, `social-kitchen`,
 * `need_index_gyermekszegenyseg`): lower-case letters of any alphabet (need-index keys come from
 * folded names), digits, `_`, `:` and `-`. Anything else is no key and is ignored.
 */
export function isKeyParam(text: string): boolean {
  return /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_:-]{0,99}$/u.test(text);
}
