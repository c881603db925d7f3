import { describe, expect, it } from 'vitest';
import { foldName } from './fold-name.ts';

describe('foldName', () => {
  it.each([
    ['Székesfehérvár', 'szekesfehervar'],
    ['Hódmezővásárhely', 'hodmezovasarhely'],
    ['Tiszaújváros', 'tiszaujvaros'],
    ['Budapest 01. ker.', 'budapest 01 ker'],
    ['  Borsod-Abaúj-Zemplén ', 'borsod abauj zemplen'],
    ['ŐRISZENTPÉTER', 'oriszentpeter'],
  ])('%s → %s', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});
