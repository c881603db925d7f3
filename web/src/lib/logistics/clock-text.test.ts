import { describe, expect, it } from 'vitest';
import { clockOfMinutes, parseClockText } from './clock-text';

describe('parseClockText', () => {
  it.each([
    ['8', '08:00'],
    ['8:30', '08:30'],
    ['08:30', '08:30'],
    ['830', '08:30'],
    ['8.30', '08:30'],
    [' 16:00 ', '16:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads %j as %s', (text, expected) => expect(parseClockText(text)).toBe(expected));

  it.each(['', '8 PM', '8:5', '25:00', '12:60', 'abc', '24:00'])('refuses %j', (text) => expect(parseClockText(text)).toBeNull());

  it('accepts the end of the day only where allowed', () => {
    expect(parseClockText('24:00', { allowEndOfDay: true })).toBe('24:00');
    expect(parseClockText('24:30', { allowEndOfDay: true })).toBeNull();
  });
});

describe('clockOfMinutes', () => {
  it('writes minutes after midnight on a 24-hour clock', () => {
    expect(clockOfMinutes(600)).toBe('10:00');
    expect(clockOfMinutes(15 * 60 + 7.9)).toBe('15:07');
    expect(clockOfMinutes(0)).toBe('00:00');
  });
});
