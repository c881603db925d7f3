import { describe, expect, it } from 'vitest';
import { exportSize } from './page-sizes';

describe('export sizes', () => {
  const screen = { width: 900, height: 700, pixelRatio: 2 };

  it('gives the screen size at the display pixel ratio', () => {
    expect(exportSize('screen', screen)).toEqual({ width: 1800, height: 1400, pixelRatio: 2 });
  });

  it('gives landscape A4 and A3 sheets at 150 and 300 dpi', () => {
    expect(exportSize('a4-150', screen)).toMatchObject({ width: 1754, height: 1240 });
    expect(exportSize('a4-300', screen)).toMatchObject({ width: 3508, height: 2480 });
    expect(exportSize('a3-150', screen)).toMatchObject({ width: 2480, height: 1754 });
    expect(exportSize('a3-300', screen)).toMatchObject({ width: 4961, height: 3508, pixelRatio: 3.125 });
  });
});
