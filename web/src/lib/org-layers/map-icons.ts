import type { IconSpec } from '$lib/map/layers/icon-point-layer';

/*
 * The icons of the organisation layers, drawn here as inline SVG (the app loads nothing from
 * elsewhere): a coloured disc with a white glyph per institution type, a square crate for the
 * warehouses. The same data URLs are used by the map (deck.gl IconLayer) and the legend (<img>).
 */

const SIZE = 64;

interface TypeStyle {
  color: string;
  /** SVG markup of the glyph in a 64 x 64 box, drawn in white ("currentColor" = the type colour). */
  glyph: string;
}

/** Attributes of a glyph drawn with white lines instead of shapes. */
const stroke = (width: number) => `fill="none" stroke="#fff" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"`;

/** One colour and glyph per built-in service type. */
const TYPE_STYLES: Record<string, TypeStyle> = {
  // Family and child welfare: an adult and a child.
  'family-child-welfare': {
    color: '#1f6fb4',
    glyph: '<circle cx="26" cy="21" r="5.5"/><path d="M17 46v-11a9 9 0 0 1 18 0v11z"/><circle cx="41" cy="29" r="4.5"/><path d="M34.5 46v-7a6.5 6.5 0 0 1 13 0v7z"/>',
  },
  // Family day care: toy blocks.
  'family-day-care': {
    color: '#1798a8',
    glyph: '<rect x="18" y="33" width="13" height="13" rx="2"/><rect x="33" y="33" width="13" height="13" rx="2"/><rect x="25.5" y="18" width="13" height="13" rx="2"/>',
  },
  // Temporary home for families: a house with a door.
  'temporary-family-home': {
    color: '#8c564b',
    glyph: '<path d="M32 16 49 31h-5v16h-8v-10h-8v10h-8V31h-5z"/>',
  },
  // Elderly day care: a figure with a walking stick.
  'elderly-day-care': {
    color: '#7b4fb3',
    glyph: `<circle cx="28" cy="18.5" r="5"/><path ${stroke(4.5)} d="M28 27v11m0 0-5 9m5-9 4 9m-4-18 8 5m0 0 2 13"/>`,
  },
  // Home help: a house with a heart.
  'home-help': {
    color: '#2e8b3f',
    glyph: '<path d="M32 16 49 31h-5v16H20V31h-5z"/><path fill="currentColor" d="M32 43.5 25.8 37.6a3.9 3.9 0 0 1 6.2-4.8 3.9 3.9 0 0 1 6.2 4.8z"/>',
  },
  // Community care for addicts: a helping cross.
  'addiction-community-care': {
    color: '#c3313a',
    glyph: '<path d="M27.5 17h9v10.5H47v9H36.5V47h-9V36.5H17v-9h10.5z"/>',
  },
  // Street outreach: footsteps.
  'street-outreach': {
    color: '#dc7417',
    glyph: '<ellipse cx="25" cy="37" rx="5" ry="8" transform="rotate(-12 25 37)"/><ellipse cx="39" cy="26" rx="5" ry="8" transform="rotate(12 39 26)"/><circle cx="23" cy="26" r="2.2"/><circle cx="41" cy="15.5" r="2.2"/>',
  },
  // Social kitchen: a steaming bowl.
  'social-kitchen': {
    color: '#a9800a',
    glyph: `<path d="M16 32h32a16 14 0 0 1-32 0z"/><path ${stroke(3.5)} d="M25 26c-3-3 3-5 0-9m7 9c-3-3 3-5 0-9m7 9c-3-3 3-5 0-9"/>`,
  },
  // Farmstead caretaker: a tree by the farm.
  'farmstead-caretaker': {
    color: '#557a1b',
    glyph: '<path d="M32 14 44 30h-5l7 10H18l7-10h-5z"/><rect x="29" y="40" width="6" height="8"/>',
  },
  // Village caretaker: the village bus.
  'village-caretaker': {
    color: '#c84a92',
    glyph: '<path d="M15 40V29l5-10h24l5 10v11z"/><path fill="currentColor" d="M22.5 21.5h8v7h-11zm11 0h8l3 7h-11z"/><circle cx="23" cy="41" r="5" fill="currentColor" stroke="#fff" stroke-width="3"/><circle cx="41" cy="41" r="5" fill="currentColor" stroke="#fff" stroke-width="3"/>',
  },
  // Community house: a group of people.
  'community-house': {
    color: '#34506f',
    glyph: '<circle cx="21" cy="25" r="4.5"/><circle cx="43" cy="25" r="4.5"/><circle cx="32" cy="20" r="5.5"/><path d="M13 45v-7a8 8 0 0 1 13-6.3M51 45v-7a8 8 0 0 0-13-6.3M22 46v-9a10 10 0 0 1 20 0v9z"/>',
  },
  // Mentor programme office: a star.
  'mentor-programme-office': {
    color: '#0e8a73',
    glyph: '<path d="M32 14.5 37.3 25.3 49.2 27 40.6 35.4 42.6 47.2 32 41.6 21.4 47.2 23.4 35.4 14.8 27 26.7 25.3z"/>',
  },
};

/** Colours for types an admin added: distinct from the built-in ones; the glyph is the name's initial. */
const EXTRA_COLORS = ['#5f5aa2', '#9c6644', '#4d6b53', '#8a3b5c', '#3f7f99', '#6b6b2f'];

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function styleOf(typeKey: string, name: string): TypeStyle {
  const builtin = TYPE_STYLES[typeKey];
  if (builtin) return builtin;
  const initial = escapeXml((name.trim()[0] ?? '?').toUpperCase());
  return {
    color: EXTRA_COLORS[hashOf(typeKey) % EXTRA_COLORS.length] ?? '#5f5aa2',
    glyph: `<text x="32" y="33" text-anchor="middle" dominant-baseline="central" font-family="DejaVu Sans, Arial, sans-serif" font-size="28" font-weight="700" fill="#fff">${initial}</text>`,
  };
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function discMarker(style: TypeStyle): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 64 64" color="${style.color}">`
    + '<circle cx="32" cy="32" r="30" fill="#fff" stroke="rgba(15,23,42,0.45)" stroke-width="2"/>'
    + `<circle cx="32" cy="32" r="25.5" fill="${style.color}"/>`
    + `<g fill="#fff">${style.glyph}</g></svg>`;
}

const institutionIcons = new Map<string, IconSpec>();

/** The marker of an institution type; `name` gives the initial of a type without its own glyph. */
export function institutionIcon(typeKey: string, name = typeKey): IconSpec {
  let icon = institutionIcons.get(typeKey);
  if (!icon) {
    icon = { id: `institution-${typeKey}`, url: svgDataUrl(discMarker(styleOf(typeKey, name))), width: SIZE, height: SIZE, anchorY: SIZE / 2, mask: false };
    institutionIcons.set(typeKey, icon);
  }
  return icon;
}

/** The colour of an institution type (its marker's disc). */
export function institutionColor(typeKey: string): string {
  return styleOf(typeKey, typeKey).color;
}

/** Warehouses: a square marker, unlike the round institution ones, with a crate. */
export const WAREHOUSE_ICON: IconSpec = {
  id: 'warehouse',
  url: svgDataUrl(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
      + '<rect x="3" y="3" width="58" height="58" rx="12" fill="#fff" stroke="rgba(15,23,42,0.45)" stroke-width="2"/>'
      + '<rect x="8" y="8" width="48" height="48" rx="8" fill="#16213a"/>'
      + '<path fill="#f4a259" d="M32 15 48 23.5v17L32 49 16 40.5v-17z"/>'
      + '<path fill="none" stroke="#16213a" stroke-width="3" stroke-linejoin="round" d="M16 23.5 32 32l16-8.5M32 32v17"/>'
      + '</svg>',
  ),
  width: SIZE,
  height: SIZE,
  anchorY: SIZE / 2,
  mask: false,
};
