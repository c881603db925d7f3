import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDuration, parseClockTime, parseWindowText } from './clock-time.ts';

describe('clock times', () => {
  it('reads times of day as minutes after midnight', () => {
    expect(parseClockTime('08:30')).toBe(510);
    expect(parseClockTime('8:05')).toBe(485);
    expect(parseClockTime('8.05')).toBe(485);
    expect(parseClockTime('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '8', '8:5', 'nyolc', '']) expect(parseClockTime(bad), bad).toBeUndefined();
  });

  it('writes minutes as HH:MM and durations for people', () => {
    expect(formatClockTime(510)).toBe('08:30');
    expect(formatClockTime(509.6)).toBe('08:30');
    expect(formatClockTime(1510)).toBe('25:10');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(200)).toBe('3 h 20 min');
    expect(formatDuration(120)).toBe('2 h');
  });

  it('reads a window written in one cell', () => {
    expect(parseWindowText('8:00-12:00')).toEqual({ from: '08:00', to: '12:00' });
    expect(parseWindowText('8 – 12')).toEqual({ from: '08:00', to: '12:00' });
    expect(parseWindowText('8:00')).toBeUndefined();
    expect(parseWindowText('8:00-25:00')).toBeUndefined();
  });
});
