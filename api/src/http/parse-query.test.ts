import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { bboxSchema, parseParam, recordIdSchema, zoomSchema } from './parse-query.ts';

describe('parseParam', () => {
  it('parses a bbox', () => {
    expect(parseParam('bbox', '16.1, 45.7,22.9,48.6', bboxSchema)).toEqual([16.1, 45.7, 22.9, 48.6]);
  });

  it.each(['1,2,3', '1,2,3,x', '200,0,201,1', '3,0,1,1'])('rejects the bbox %s with a 400', (text) => {
    expect(() => parseParam('bbox', text, bboxSchema)).toThrowError(ApiError);
    try {
      parseParam('bbox', text, bboxSchema);
    } catch (error) {
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toMatch(/^Invalid "bbox": /);
    }
  });

  it('accepts zoom 0-22 only, whole numbers', () => {
    expect(parseParam('zoom', '7', zoomSchema)).toBe(7);
    expect(() => parseParam('zoom', '23', zoomSchema)).toThrowError(/between 0 and 22/);
    expect(() => parseParam('zoom', '7.5', zoomSchema)).toThrowError(/whole number/);
  });

  it('accepts record ids 1 to 2^31 - 1 in decimal digits only', () => {
    const idSchema = recordIdSchema('a plan id');
    expect(parseParam('id', '2147483647', idSchema)).toBe(2 ** 31 - 1);
    for (const text of ['0', '2147483648', '1e1', ' 7', 'abc']) expect(() => parseParam('id', text, idSchema), text).toThrowError(ApiError);
    expect(() => parseParam('id', '0', idSchema)).toThrowError(/must be a plan id/);
  });
});
