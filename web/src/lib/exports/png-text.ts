/*
 * PNG text chunks (iTXt, UTF-8): the exported image carries its title, legend and sources as text,
 * so a catalogue, a screen reader's image description or a test can read what the pixels show.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function itxtChunk(keyword: string, text: string): Uint8Array {
  const encoder = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(encoder.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** The PNG with text chunks inserted after its header chunk (IHDR is always first, 8 + 25 bytes in). */
export function withPngText(png: Uint8Array, entries: Readonly<Record<string, string>>): Uint8Array {
  const headerEnd = 8 + 25;
  const chunks = Object.entries(entries).map(([keyword, text]) => itxtChunk(keyword, text));
  const size = png.length + chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const result = new Uint8Array(size);
  result.set(png.subarray(0, headerEnd), 0);
  let offset = headerEnd;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  result.set(png.subarray(headerEnd), offset);
  return result;
}

/** The text chunks of a PNG, by keyword (iTXt without compression, and tEXt). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder();
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: Record<string, string> = {};
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = view.getUint32(offset);
    const type = decoder.decode(png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    const nul = data.indexOf(0);
    if (type === 'iTXt' && nul > 0) {
      let cursor = nul + 3;
      cursor = data.indexOf(0, cursor) + 1;
      cursor = data.indexOf(0, cursor) + 1;
      found[decoder.decode(data.subarray(0, nul))] = decoder.decode(data.subarray(cursor));
    } else if (type === 'tEXt' && nul > 0) {
      found[decoder.decode(data.subarray(0, nul))] = decoder.decode(data.subarray(nul + 1));
    }
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return found;
}
