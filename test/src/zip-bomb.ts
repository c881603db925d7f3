import { constants, crc32, deflateRawSync } from 'node:zlib';

const MEBIBYTE = 1024 * 1024;

export interface ZeroEntry {
  name: string;
  /** The entry expands to this many MiB of zero bytes. */
  mebibytes: number;
}

/**
 * A zip whose entries expand to runs of zeros, built without ever holding the expanded bytes:
 * one MiB of zeros deflates to ~1 KB as a self-contained block sequence (a full flush), which is
 * repeated and closed by an empty final block. 1,900 MiB fit in ~1.9 MB, as in the attack.
 */
export function zipOfZeros(entries: readonly ZeroEntry[]): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MEBIBYTE), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const zeros = Buffer.alloc(MEBIBYTE);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.concat([...Array.from({ length: entry.mebibytes }, () => block), end]);
    let crc = 0;
    for (let index = 0; index < entry.mebibytes; index += 1) crc = crc32(zeros, crc);
    const size = entry.mebibytes * MEBIBYTE;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const endRecord = Buffer.alloc(22);
  endRecord.writeUInt32LE(0x06054b50, 0);
  endRecord.writeUInt16LE(entries.length, 8);
  endRecord.writeUInt16LE(entries.length, 10);
  endRecord.writeUInt32LE(directory.byteLength, 12);
  endRecord.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, endRecord]));
}
