import { describe, expect, it } from 'vitest';
import { MalformedFileError, PlanningError } from '../planning-error.ts';
import { parseOrLibraryPMedian } from './orlib-reader.ts';

function lineOf(text: string): number {
  try {
    parseOrLibraryPMedian(text, 'test.txt');
  } catch (error) {
    if (error instanceof MalformedFileError) return error.line;
    throw error;
  }
  throw new Error('expected a MalformedFileError');
}

describe('parseOrLibraryPMedian', () => {
  it('builds shortest-path distances over the undirected edges; every vertex is demand and candidate', () => {
    const { instance, p } = parseOrLibraryPMedian(' 4 3 2\n 1 2 5\n 2 3 4\n 3 4 1\n', 'path.txt');
    expect(p).toBe(2);
    expect(instance.demandIds).toEqual(['1', '2', '3', '4']);
    expect(instance.candidateIds).toEqual(['1', '2', '3', '4']);
    expect(Array.from(instance.weights)).toEqual([1, 1, 1, 1]);
    expect(Array.from(instance.distances.subarray(0, 4))).toEqual([0, 5, 9, 10]);
    expect(instance.distances[3 * 4 + 0]).toBe(10);
  });

  it('lets a later duplicate of an edge overwrite the earlier one, even when it is longer', () => {
    const { instance } = parseOrLibraryPMedian(' 2 2 1\n 1 2 3\n 2 1 8\n', 'duplicates.txt');
    expect(instance.distances[1]).toBe(8);
  });

  it.each([
    ['a header with two fields', ' 4 3\n', 1],
    ['a non-numeric field', ' 3 2 1\n 1 2 5\n 2 x 1\n', 3],
    ['an edge line with four fields', ' 3 2 1\n 1 2 5 7\n', 2],
    ['a vertex outside 1..n', ' 3 2 1\n 1 2 5\n 2 4 1\n', 3],
    ['a negative cost', ' 3 2 1\n 1 2 -5\n', 2],
    ['fewer edges than announced (at the line where the next edge should be)', ' 3 3 1\n 1 2 5\n 2 3 1\n', 4],
    ['more lines than announced', ' 3 1 1\n 1 2 5\n 2 3 1\n', 3],
    ['p above n', ' 3 2 4\n', 1],
  ])('rejects %s with its line number', (_, text, line) => {
    expect(lineOf(text)).toBe(line);
  });

  it('names the file and line in the message', () => {
    expect(() => parseOrLibraryPMedian(' 3 2 1\n 1 2 5\n 2 x 1\n', 'pmed99.txt')).toThrowError('pmed99.txt:3: "x" is not a number.');
  });

  it('rejects a graph that is not connected', () => {
    expect(() => parseOrLibraryPMedian(' 4 2 1\n 1 2 5\n 3 4 1\n', 'split.txt')).toThrowError(PlanningError);
  });
});
