import type { ContractionHierarchy } from './contraction-hierarchy.ts';

/** "TCH" and the layout version: a hierarchy stored by another layout is rebuilt, never misread. */
const MAGIC = 0x54434801;
const HEADER_BYTES = 16;

/**
 * A hierarchy as bytes for the database: a 16-byte header (magic, node and arc
 * counts), then the float arrays and the integer arrays, each whole, so reading
 * it back is a copy into aligned typed arrays and no parsing.
 */
export function serialiseHierarchy(hierarchy: ContractionHierarchy): Uint8Array {
  const { nodeCount } = hierarchy;
  const arcs = hierarchy.upHead.length;
  const bytes = new Uint8Array(HEADER_BYTES + 16 * arcs + 4 * nodeCount + 4 * (nodeCount + 1) + 4 * arcs);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, nodeCount, true);
  header.setUint32(8, arcs, true);
  let offset = HEADER_BYTES;
  for (const array of [hierarchy.upForward, hierarchy.upBackward, hierarchy.rank, hierarchy.firstUp, hierarchy.upHead]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += array.byteLength;
  }
  return bytes;
}

/** The hierarchy back from its bytes; null when they are not of this layout or do not fit the graph. */
export function deserialiseHierarchy(bytes: Uint8Array, nodeCount: number): ContractionHierarchy | null {
  if (bytes.byteLength < HEADER_BYTES) return null;
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (header.getUint32(0, true) !== MAGIC || header.getUint32(4, true) !== nodeCount) return null;
  const arcs = header.getUint32(8, true);
  if (bytes.byteLength !== HEADER_BYTES + 16 * arcs + 8 * nodeCount + 4 + 4 * arcs) return null;
  let offset = bytes.byteOffset + HEADER_BYTES;
  const take = <T extends Float64Array | Int32Array>(make: (buffer: ArrayBuffer) => T, length: number, width: number): T => {
    const copy = bytes.buffer.slice(offset, offset + length * width) as ArrayBuffer;
    offset += length * width;
    return make(copy);
  };
  const upForward = take((buffer) => new Float64Array(buffer), arcs, 8);
  const upBackward = take((buffer) => new Float64Array(buffer), arcs, 8);
  const rank = take((buffer) => new Int32Array(buffer), nodeCount, 4);
  const firstUp = take((buffer) => new Int32Array(buffer), nodeCount + 1, 4);
  const upHead = take((buffer) => new Int32Array(buffer), arcs, 4);
  return { nodeCount, rank, firstUp, upHead, upForward, upBackward };
}
