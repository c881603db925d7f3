import { createLocationInstance, type LocationInstance } from '../location-instance.ts';
import { MalformedFileError, PlanningError } from '../planning-error.ts';
import { allPairsShortestPaths, buildSparseGraph } from './shortest-paths.ts';

export interface OrLibraryPMedian {
  instance: LocationInstance;
  /** The p written in the file's header. */
  p: number;
}

/**
 * Reads an OR-Library uncapacitated p-median file (Beasley 1985): a header
 * `n edges p`, then `i j cost` per undirected edge, 1-based. Later duplicates of
 * an edge overwrite earlier ones (the published files contain duplicates and the
 * published optima assume this), then shortest paths (Dijkstra from every vertex) give the full matrix.
 * Every vertex is a demand point of weight 1 and a candidate; ids are the
 * file's own 1-based vertex numbers.
 */
export function parseOrLibraryPMedian(text: string, file = 'OR-Library file'): OrLibraryPMedian {
  const lines = text.split(/\r?\n/);
  let lineIndex = 0;
  let lastDataLine = 0;
  const nextDataLine = (): { numbers: number[]; line: number } | null => {
    while (lineIndex < lines.length) {
      const raw = lines[lineIndex]!.trim();
      lineIndex += 1;
      if (raw === '') continue;
      const fields = raw.split(/\s+/);
      const numbers = fields.map(Number);
      const bad = fields.findIndex((field, index) => field === '' || !Number.isFinite(numbers[index]));
      if (bad >= 0) throw new MalformedFileError(file, lineIndex, `"${fields[bad]}" is not a number.`);
      lastDataLine = lineIndex;
      return { numbers, line: lineIndex };
    }
    return null;
  };

  const header = nextDataLine();
  if (!header) throw new MalformedFileError(file, Math.max(1, lines.length), 'The file is empty; expected a header "n edges p".');
  if (header.numbers.length !== 3) throw new MalformedFileError(file, header.line, `The header has ${header.numbers.length} fields; expected "n edges p".`);
  const [n, edges, p] = header.numbers as [number, number, number];
  for (const [name, value] of [['n', n], ['edges', edges], ['p', p]] as const) {
    if (!Number.isInteger(value) || value < (name === 'edges' ? 0 : 1)) throw new MalformedFileError(file, header.line, `${name} = ${value} must be a positive whole number.`);
  }
  if (p > n) throw new MalformedFileError(file, header.line, `p = ${p} exceeds the ${n} vertices.`);

  // Keyed by the unordered vertex pair, so a later duplicate overwrites an earlier one.
  const edgeCost = new Map<number, number>();
  for (let edge = 0; edge < edges; edge += 1) {
    const entry = nextDataLine();
    if (!entry) throw new MalformedFileError(file, lastDataLine + 1, `The header promises ${edges} edges but the file ends after ${edge}.`);
    if (entry.numbers.length !== 3) throw new MalformedFileError(file, entry.line, `An edge line has ${entry.numbers.length} fields; expected "i j cost".`);
    const [from, to, cost] = entry.numbers as [number, number, number];
    for (const vertex of [from, to]) {
      if (!Number.isInteger(vertex) || vertex < 1 || vertex > n) throw new MalformedFileError(file, entry.line, `Vertex ${vertex} is outside 1..${n}.`);
    }
    if (cost < 0) throw new MalformedFileError(file, entry.line, `Edge cost ${cost} is negative.`);
    if (from === to) continue;
    edgeCost.set(Math.min(from, to) * (n + 1) + Math.max(from, to), cost);
  }
  const trailing = nextDataLine();
  if (trailing) throw new MalformedFileError(file, trailing.line, `More lines than the ${edges} edges the header announces.`);

  const from = new Int32Array(edgeCost.size);
  const to = new Int32Array(edgeCost.size);
  const cost = new Float64Array(edgeCost.size);
  let edgeIndex = 0;
  for (const [key, value] of edgeCost) {
    from[edgeIndex] = Math.floor(key / (n + 1)) - 1;
    to[edgeIndex] = (key % (n + 1)) - 1;
    cost[edgeIndex] = value;
    edgeIndex += 1;
  }
  const matrix = allPairsShortestPaths(buildSparseGraph(n, from, to, cost));
  const unreachable = matrix.indexOf(Infinity);
  if (unreachable >= 0) {
    throw new PlanningError('INVALID_INSTANCE', `${file}: the graph is not connected (no path from vertex ${Math.floor(unreachable / n) + 1} to vertex ${(unreachable % n) + 1}).`);
  }
  const ids = Array.from({ length: n }, (_, index) => String(index + 1));
  return {
    instance: createLocationInstance({ demandIds: ids, candidateIds: ids, weights: new Float64Array(n).fill(1), distances: matrix }),
    p,
  };
}
