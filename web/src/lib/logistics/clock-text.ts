/**
 * Times of day typed by people, always on a 24-hour clock ("HH:MM"), independent of the browser's
 * locale (a `type=time` input shows 12-hour time with AM/PM in English locales).
 */

/** "8" → "08:00", "8:5" is refused, "830" / "0830" / "8.30" / "8:30" → "08:30"; "24:00" only where the day's end is allowed. Null when unreadable. */
export function parseClockText(text: string, options: { allowEndOfDay?: boolean } = {}): string | null {
  const trimmed = text.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(trimmed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0 && options.allowEndOfDay) return '24:00';
  if (hours > 23) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Minutes after midnight as "HH:MM" (a screen reader's value text of a time slider, the clock beside it). */
export function clockOfMinutes(minutes: number): string {
  const whole = Math.floor(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
