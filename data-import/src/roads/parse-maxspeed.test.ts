import { describe, expect, it } from 'vitest';
import { parseMaxspeed } from './parse-maxspeed.ts';

describe('parseMaxspeed', () => {
  it.each([
    ['50', 50],
    ['30 mph', 48.28032],
    ['25mph', 40.2336],
    ['90 km/h', 90],
    ['HU:urban', 50],
    ['HU:rural', 90],
    ['HU:motorway', 130],
    ['DE:living_street', 20],
    ['50;30', 30],
  ])('reads %s as %d km/h', (value, kmh) => {
    expect(parseMaxspeed(value)).toBeCloseTo(kmh, 5);
  });

  it.each([undefined, 'signals', 'none', 'variable', '0', 'fast', 'HU:unknown_zone'])('gives no number for %s', (value) => {
    expect(parseMaxspeed(value)).toBeNull();
  });
});
