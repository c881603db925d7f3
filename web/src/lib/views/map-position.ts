import { MAX_BOUNDS } from '$lib/map/bbox';

/** Where a map looks: its centre (WGS 84 degrees) and zoom; `?lon=19.5&lat=47.2&z=7` in the address. */
export interface MapPosition {
  lon: number;
  lat: number;
  z: number;
}

/** The zoom range every Terep map allows (base-map.ts). */
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 14;

/** A parameter of the address that was not understood and is ignored (the page says so in a notice). */
export interface IgnoredParam {
  name: string;
  value: string;
}

/** The position params, each a plain decimal number. */
const NUMBER = /^-?\d{1,3}(\.\d+)?$/;

/**
 * The map position of an address, or null when it has none. A position outside the map's bounds or
 * zoom range, or written wrongly, is ignored as a whole (the map then opens on the country).
 */
export function parseMapPosition(search: URLSearchParams): { position: MapPosition | null; ignored: IgnoredParam[] } {
  const texts = { lon: search.get('lon'), lat: search.get('lat'), z: search.get('z') };
  if (texts.lon === null && texts.lat === null && texts.z === null) return { position: null, ignored: [] };
  const numbers = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, text !== null && NUMBER.test(text) ? Number(text) : Number.NaN])) as Record<keyof MapPosition, number>;
  const inside =
    numbers.lon >= MAX_BOUNDS[0] && numbers.lon <= MAX_BOUNDS[2] && numbers.lat >= MAX_BOUNDS[1] && numbers.lat <= MAX_BOUNDS[3] && numbers.z >= MIN_ZOOM && numbers.z <= MAX_ZOOM;
  if (inside) return { position: numbers, ignored: [] };
  const ignored = (['lon', 'lat', 'z'] as const).map((name) => ({ name, value: texts[name] ?? '' }));
  return { position: null, ignored };
}

/** The position rounded as the address keeps it: about 10 m in the centre, a hundredth of a zoom step. */
export function roundPosition(position: MapPosition): MapPosition {
  return { lon: Number(position.lon.toFixed(4)), lat: Number(position.lat.toFixed(4)), z: Number(position.z.toFixed(2)) };
}

/** Writes the position (rounded) into `search`, replacing any there. */
export function writeMapPosition(search: URLSearchParams, position: MapPosition): void {
  const rounded = roundPosition(position);
  search.set('lon', String(rounded.lon));
  search.set('lat', String(rounded.lat));
  search.set('z', String(rounded.z));
}

/** Whether two positions read the same once rounded for the address. */
export function samePosition(a: MapPosition | null, b: MapPosition | null): boolean {
  if (a === null || b === null) return a === b;
  const ra = roundPosition(a);
  const rb = roundPosition(b);
  return ra.lon === rb.lon && ra.lat === rb.lat && ra.z === rb.z;
}

/** The position params of an address, removed (what is left says what is shown). */
export function withoutPosition(search: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(search);
  for (const name of ['lon', 'lat', 'z']) rest.delete(name);
  return rest;
}
