/**
 * Accent- and case-insensitive form of a place name, stored beside every name
 * and applied to every search query, so `szekesfehervar` finds Székesfehérvár on
 * any engine without the unaccent extension (PGlite does not ship it by default).
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
