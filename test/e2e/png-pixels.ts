import { inflateSync } from 'node:zlib';

/** An 8-bit RGBA raster. */
export interface Pixels {
  width: number;
  height: number;
  /** width * height * 4 bytes, row by row. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/**
 * Decodes the PNGs Chromium writes for screenshots (8-bit RGB or RGBA, not interlaced),
 * so the test can count pixel colours without an image library.
 */
export function decodePng(png: Buffer): Pixels {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const compressed: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colorType = data[9];
      const interlace = data[12];
      if (bitDepth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      compressed.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }

  const raw = inflateSync(Buffer.concat(compressed));
  const stride = width * channels;
  const current = new Uint8Array(stride);
  const previous = new Uint8Array(stride);
  const rgba = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const rowStart = row * (stride + 1);
    const filter = raw[rowStart];
    for (let index = 0; index < stride; index++) {
      const value = raw[rowStart + 1 + index] ?? 0;
      const left = index >= channels ? (current[index - channels] ?? 0) : 0;
      const up = previous[index] ?? 0;
      const upLeft = index >= channels ? (previous[index - channels] ?? 0) : 0;
      let decoded: number;
      switch (filter) {
        case 0: decoded = value; break;
        case 1: decoded = value + left; break;
        case 2: decoded = value + up; break;
        case 3: decoded = value + ((left + up) >> 1); break;
        case 4: decoded = value + paeth(left, up, upLeft); break;
        default: throw new Error(`bad PNG filter ${filter} in row ${row}`);
      }
      current[index] = decoded & 0xff;
    }
    for (let column = 0; column < width; column++) {
      const source = column * channels;
      const target = (row * width + column) * 4;
      rgba[target] = current[source] ?? 0;
      rgba[target + 1] = current[source + 1] ?? 0;
      rgba[target + 2] = current[source + 2] ?? 0;
      rgba[target + 3] = channels === 4 ? (current[source + 3] ?? 255) : 255;
    }
    previous.set(current);
  }
  return { width, height, rgba };
}

/** Share of pixels (0-1) that are clearly coloured: max - min channel above `threshold`. */
export function saturatedShare(pixels: Pixels, threshold = 40): number {
  let saturated = 0;
  const count = pixels.width * pixels.height;
  for (let index = 0; index < count; index++) {
    const r = pixels.rgba[index * 4] ?? 0;
    const g = pixels.rgba[index * 4 + 1] ?? 0;
    const b = pixels.rgba[index * 4 + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > threshold) saturated++;
  }
  return count ? saturated / count : 0;
}

/** Number of distinct colours after quantising each channel to 32 levels. */
export function distinctColorCount(pixels: Pixels): number {
  const seen = new Set<number>();
  const count = pixels.width * pixels.height;
  for (let index = 0; index < count; index++) {
    const r = (pixels.rgba[index * 4] ?? 0) >> 3;
    const g = (pixels.rgba[index * 4 + 1] ?? 0) >> 3;
    const b = (pixels.rgba[index * 4 + 2] ?? 0) >> 3;
    seen.add((r << 10) | (g << 5) | b);
  }
  return seen.size;
}
