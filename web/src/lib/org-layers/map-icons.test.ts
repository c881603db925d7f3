import { describe, expect, it } from 'vitest';
import { institutionColor, institutionIcon, WAREHOUSE_ICON } from './map-icons';

const BUILTIN_TYPES = [
  'family-child-welfare', 'family-day-care', 'temporary-family-home', 'elderly-day-care', 'home-help', 'addiction-community-care',
  'street-outreach', 'social-kitchen', 'farmstead-caretaker', 'village-caretaker', 'community-house', 'mentor-programme-office',
];

function svgOf(url: string): string {
  expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}

/** Browsers refuse an SVG whose element repeats an attribute; nothing else here can catch it. */
function repeatedAttributes(svg: string): string[] {
  const repeated: string[] = [];
  for (const [, tag = ''] of svg.matchAll(/<([^/!][^>]*)>/g)) {
    const names = [...tag.matchAll(/\s([a-zA-Z-:]+)=/g)].map((match) => match[1]);
    repeated.push(...names.filter((name, index) => names.indexOf(name) !== index).map((name) => `${name} in <${tag.slice(0, 20)}…>`));
  }
  return repeated;
}

describe('institution icons', () => {
  it('give each built-in service type its own colour', () => {
    const colours = BUILTIN_TYPES.map(institutionColor);
    expect(new Set(colours).size).toBe(BUILTIN_TYPES.length);
  });

  it('are inline SVGs a browser can decode', () => {
    for (const icon of [...BUILTIN_TYPES.map((key) => institutionIcon(key)), institutionIcon('debt-advice', 'Adósságkezelés'), WAREHOUSE_ICON]) {
      const svg = svgOf(icon.url);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="64" height="64"/);
      expect(repeatedAttributes(svg), icon.id).toEqual([]);
    }
  });

  it('mark a type an admin added with its initial', () => {
    expect(svgOf(institutionIcon('debt-advice', 'adósságkezelés').url)).toContain('>A</text>');
  });
});
