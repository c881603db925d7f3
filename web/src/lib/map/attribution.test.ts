import { describe, expect, it } from 'vitest';
import { attributionHtml, collectAttributions, sourceName } from './attribution';

describe('collectAttributions', () => {
  it('lists each source once, keeping a link when one copy has it', () => {
    const sources = collectAttributions(
      [{ text: 'Forrás: KSH' }, { text: '© OpenStreetMap contributors (ODbL)', url: 'https://www.openstreetmap.org/copyright' }],
      [{ text: 'Forrás: KSH', url: 'https://www.ksh.hu' }],
      undefined,
    );
    expect(sources).toEqual([
      { text: 'Forrás: KSH', url: 'https://www.ksh.hu' },
      { text: '© OpenStreetMap contributors (ODbL)', url: 'https://www.openstreetmap.org/copyright' },
    ]);
  });
});

describe('attributionHtml', () => {
  it('escapes text and links only http(s) addresses', () => {
    expect(attributionHtml([{ text: '<b>x</b>', url: 'javascript:alert(1)' }, { text: 'KSH', url: 'https://www.ksh.hu' }], 'hu')).toEqual([
      '&#60;b&#62;x&#60;/b&#62;',
      '<a href="https://www.ksh.hu" target="_blank" rel="noopener">KSH</a>',
    ]);
  });

  it('credits a source in the UI language where it has an English wording', () => {
    const ksh = { text: 'Forrás: KSH', en: 'Source: KSH (Hungarian Central Statistical Office)' };
    expect(attributionHtml([ksh, { text: 'Saját adat', en: 'Organisation data' }], 'en')).toEqual(['Source: KSH (Hungarian Central Statistical Office)', 'Organisation data']);
    expect(attributionHtml([ksh], 'hu')).toEqual(['Forrás: KSH']);
  });

  it('names a source without its lead where a label already says "Sources"', () => {
    const ksh = { text: 'Forrás: KSH', en: 'Source: KSH (Hungarian Central Statistical Office)' };
    expect(sourceName(ksh, 'hu')).toBe('KSH');
    expect(sourceName(ksh, 'en')).toBe('KSH (Hungarian Central Statistical Office)');
  });
});
