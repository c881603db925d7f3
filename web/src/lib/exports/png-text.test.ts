import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPngText, withPngText } from './png-text';
import { decodePng } from '../../../../test/e2e/png-pixels';

/** A 1 × 1 RGBA PNG made here, so the test needs no image file. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 10, 20, 30, 255]))), chunk('IEND', Buffer.alloc(0))]));
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('PNG text chunks', () => {
  it('carry UTF-8 text (ő, ű) and leave the image readable', () => {
    const png = withPngText(tinyPng(), { Title: 'Népesség változása 2011–2024', Description: 'Jelmagyarázat: több, kevesebb (ő, ű)' });
    expect(readPngText(png)).toEqual({ Title: 'Népesség változása 2011–2024', Description: 'Jelmagyarázat: több, kevesebb (ő, ű)' });
    const pixels = decodePng(Buffer.from(png));
    expect([pixels.width, pixels.height, ...pixels.rgba]).toEqual([1, 1, 10, 20, 30, 255]);
  });
});
