/**
 * Clock times of a working day as route plans write them ("08:30"), and minutes after midnight
 * as the plan computes with them. Shifts and windows stay within one day: "24:00" is its end.
 */

const CLOCK = /^([01]?\d|2[0-4])[:.]([0-5]\d)$/;

/** Minutes after midnight of "H:MM" or "HH:MM" (also "HH.MM"), or undefined when the text is not a time of day. */
export function parseClockTime(text: string): number | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

/** "HH:MM" of minutes after midnight, rounded to the minute; past midnight it keeps counting ("25:10"). */
export function formatClockTime(minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  return `${String(hours).padStart(2, '0')}:${String(rounded - hours * 60).padStart(2, '0')}`;
}

/** A duration for people: "45 min", "3 h 20 min". */
export function formatDuration(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded - hours * 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A window written in one cell, "8:00-12:00" (en dash or spaces too; a bare hour means :00), as clock times; undefined when unreadable. */
export function parseWindowText(text: string): { from: string; to: string } | undefined {
  const parts = text.trim().split(/\s*[-–—]\s*/);
  if (parts.length !== 2) return undefined;
  const [from, to] = parts.map((part) => (/^\d{1,2}$/.test(part) ? `${part}:00` : part)).map(parseClockTime);
  if (from === undefined || to === undefined) return undefined;
  return { from: formatClockTime(from), to: formatClockTime(to) };
}
