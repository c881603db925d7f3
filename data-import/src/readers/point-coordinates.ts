import type { SourceGeometry } from './source-table.ts';

const WKB_POINT = 1;

/** The x/y of a point geometry (GeoJSON or WKB, with or without Z), or null when it is not a point. */
export function pointCoordinates(geometry: SourceGeometry | null): [number, number] | null {
  if (!geometry) return null;
  if (geometry.kind === 'geojson') {
    const parsed = JSON.parse(geometry.text) as { type?: string; coordinates?: unknown };
    if (parsed.type !== 'Point' || !Array.isArray(parsed.coordinates)) return null;
    const [x, y] = parsed.coordinates as unknown[];
    return typeof x === 'number' && typeof y === 'number' ? [x, y] : null;
  }
  const bytes = Buffer.from(geometry.hex, 'hex');
  if (bytes.length < 21) return null;
  const littleEndian = bytes[0] === 1;
  const type = littleEndian ? bytes.readUInt32LE(1) : bytes.readUInt32BE(1);
  // ISO (1001, 2001, 3001) and EWKB (high flag bits) Z/M variants all reduce to 1 for a point.
  if ((type & 0xffff) % 1000 !== WKB_POINT) return null;
  const read = (offset: number) => (littleEndian ? bytes.readDoubleLE(offset) : bytes.readDoubleBE(offset));
  return [read(5), read(13)];
}
