import { describe, expect, it } from 'vitest';
import { filterTar } from './postgis-core-bundle.ts';

/** One ustar entry: a 512-byte header (name, octal size, checksum) and its data padded to whole blocks. */
function entry(name: string, data: string): Uint8Array {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write('0000644\0', 100);
  header.write(`${Buffer.byteLength(data).toString(8).padStart(11, '0')}\0`, 124);
  header.write(name.endsWith('/') ? '5' : '0', 156);
  header.write('ustar\0' + '00', 257);
  header.fill(' ', 148, 156);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data);
  return Buffer.concat([header, body]);
}

function names(archive: Uint8Array): string[] {
  const found: string[] = [];
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = Buffer.from(archive.subarray(offset, offset + 512));
    if (header.every((byte) => byte === 0)) break;
    found.push(header.toString('utf8', 0, 100).replace(/\0.*$/s, ''));
    offset += 512 + Math.ceil(parseInt(header.toString('utf8', 124, 136), 8) / 512) * 512;
  }
  return found;
}

describe('filterTar', () => {
  it('keeps the matching entries and every directory, byte for byte, and ends the archive', () => {
    const kept = entry('lib/postgresql/postgis-3.so', 'x'.repeat(700));
    const archive = Buffer.concat([entry('lib/', ''), kept, entry('lib/postgresql/postgis_raster-3.so', 'y'.repeat(1500)), entry('share/proj/proj.db', 'z'), Buffer.alloc(1024)]);
    const filtered = filterTar(archive, (name) => name.endsWith('postgis-3.so') || name.startsWith('share/proj/'));
    expect(names(filtered)).toEqual(['lib/', 'lib/postgresql/postgis-3.so', 'share/proj/proj.db']);
    expect(Buffer.from(filtered.subarray(512, 512 + kept.length)).equals(Buffer.from(kept))).toBe(true);
    expect(filtered.length % 512).toBe(0);
    expect(Buffer.from(filtered.subarray(filtered.length - 1024)).every((byte) => byte === 0)).toBe(true);
  });
});
