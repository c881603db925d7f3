/**
 * Every demand point's candidates sorted by distance (ties by index), with the
 * distances alongside so scans read memory in order. Fast interchange and
 * nearest-open searches walk these rows and stop early.
 */
export interface CandidateOrder {
  readonly demandCount: number;
  readonly candidateCount: number;
  /** Row-major: `order[i * m + k]` is demand i's k-th nearest candidate. */
  readonly order: Int32Array;
  /** `sortedDistance[i * m + k]` is the distance to that candidate. */
  readonly sortedDistance: Float64Array;
}

const INDEX_BITS = 2 ** 21;

/**
 * Sorting 10 million (distance, index) pairs with a comparator takes seconds in
 * JavaScript; packing the float32 bits of the distance above the index into one
 * exact float64 key lets the native numeric sort do it, and an insertion pass
 * then restores exact float64 order where float32 rounding merged keys.
 */
export function buildCandidateOrder(distances: Float64Array, demandCount: number, candidateCount: number): CandidateOrder {
  const m = candidateCount;
  if (m >= INDEX_BITS) throw new RangeError(`At most ${INDEX_BITS - 1} candidates are supported.`);
  const order = new Int32Array(demandCount * m);
  const sortedDistance = new Float64Array(demandCount * m);
  const keys = new Float64Array(m);
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);
  for (let i = 0; i < demandCount; i += 1) {
    const row = i * m;
    for (let j = 0; j < m; j += 1) {
      asFloat[0] = distances[row + j]!;
      keys[j] = bits[0]! * INDEX_BITS + j;
    }
    keys.sort();
    for (let k = 0; k < m; k += 1) {
      const j = keys[k]! % INDEX_BITS;
      const distance = distances[row + j]!;
      // Insertion step: float32 rounding may have put near-equal distances out of float64 order.
      let position = row + k;
      while (position > row) {
        const previous = sortedDistance[position - 1]!;
        if (previous < distance || (previous === distance && order[position - 1]! < j)) break;
        sortedDistance[position] = previous;
        order[position] = order[position - 1]!;
        position -= 1;
      }
      sortedDistance[position] = distance;
      order[position] = j;
    }
  }
  return { demandCount, candidateCount, order, sortedDistance };
}
