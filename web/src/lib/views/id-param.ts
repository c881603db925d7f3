import type { IgnoredParam } from './map-position';

/** A record id param (`plan=12`): a plain positive decimal integer, else ignored. */
export function parseIdParam(search: URLSearchParams, name: string): { id: number | null; ignored: IgnoredParam[] } {
  const text = search.get(name);
  if (text === null) return { id: null, ignored: [] };
  if (/^[1-9]\d{0,8}$/.test(text)) return { id: Number(text), ignored: [] };
  return { id: null, ignored: [{ name, value: text }] };
}
