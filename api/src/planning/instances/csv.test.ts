import { describe, expect, it } from 'vitest';
import { MalformedFileError } from '../planning-error.ts';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes, line breaks and CRLF endings', () => {
    const table = parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n', 'test.csv');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('rejects a row with the wrong number of fields at its line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'short.csv')).toThrowError(MalformedFileError);
    expect(() => parseCsv('a,b\n1,2\n3\n', 'short.csv')).toThrowError('short.csv:3:');
  });
});
