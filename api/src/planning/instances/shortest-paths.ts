/**
 * All-pairs shortest paths by Floyd–Warshall on a dense row-major matrix
 * (Infinity where there is no edge, 0 on the diagonal), in place. O(n³), which
 * is well under a second for the 900 vertices of the largest OR-Library p-median
 * graphs; the row of k is read once per i, so the inner loop stays in two rows.
 */
export function floydWarshall(matrix: Float64Array, n: number): void {
  for (let k = 0; k < n; k += 1) {
    const rowK = k * n;
    for (let i = 0; i < n; i += 1) {
      const rowI = i * n;
      const throughK = matrix[rowI + k]!;
      if (throughK === Infinity) continue;
      for (let j = 0; j < n; j += 1) {
        const candidate = throughK + matrix[rowK + j]!;
        if (candidate < matrix[rowI + j]!) matrix[rowI + j] = candidate;
      }
    }
  }
}
