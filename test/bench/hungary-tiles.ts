import { HUNGARY_BBOX } from '@terep/db';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

function tileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const radians = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.asinh(Math.tan(radians)) / Math.PI) / 2) * 2 ** z);
}

/** Every tile of a zoom that meets Hungary's extent (with its margin), west to east, north to south. */
export function hungaryTiles(z: number): TileAddress[] {
  const [minLon, minLat, maxLon, maxLat] = HUNGARY_BBOX;
  const tiles: TileAddress[] = [];
  for (let y = tileY(maxLat, z); y <= tileY(minLat, z); y += 1) {
    for (let x = tileX(minLon, z); x <= tileX(maxLon, z); x += 1) tiles.push({ z, x, y });
  }
  return tiles;
}
