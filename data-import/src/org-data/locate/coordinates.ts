import { EOV, WGS84 } from '../../readers/declared-srid.ts';

/** Hungary's extent with a margin, in each coordinate system (lon/lat degrees; EOV easting/northing metres). */
const WGS84_RANGE = { minX: 15.9, maxX: 23.1, minY: 45.6, maxY: 48.7 };
const EOV_RANGE = { minX: 400_000, maxX: 950_000, minY: 30_000, maxY: 380_000 };

export type CoordinateVerdict =
  | { kind: 'ok'; x: number; y: number; srid: number }
  | { kind: 'swapped'; srid: number }
  | { kind: 'outside'; srid: number | undefined };

const inside = (x: number, y: number, range: typeof WGS84_RANGE) => x >= range.minX && x <= range.maxX && y >= range.minY && y <= range.maxY;

/**
 * Judges a coordinate pair given as (x = easting or longitude, y = northing or
 * latitude): which system it is in, whether its axes were swapped, or whether it
 * is not in Hungary at all. EOV's own naming is the other way round (Y is the
 * easting), which is why swapped EOV pairs are so common in municipal exports.
 */
export function judgeCoordinates(x: number, y: number, declared?: number): CoordinateVerdict {
  const systems = declared ? [declared] : [WGS84, EOV];
  for (const srid of systems) {
    const range = srid === EOV ? EOV_RANGE : WGS84_RANGE;
    if (inside(x, y, range)) return { kind: 'ok', x, y, srid };
    if (inside(y, x, range)) return { kind: 'swapped', srid };
  }
  return { kind: 'outside', srid: declared ?? (Math.abs(x) > 180 || Math.abs(y) > 90 ? EOV : WGS84) };
}

/** Parses a coordinate or number written the Hungarian way too: decimal comma, spaces as thousands separators. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s|\u00a0/g, '').replace(',', '.');
  if (cleaned === '' || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}
