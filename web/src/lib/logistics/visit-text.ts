import type { TimeWindow } from './logistics-types';

/** A window as "08:00–12:00", or empty when the stop has none. */
export function windowText(window: TimeWindow | null): string {
  return window ? `${window.from}–${window.to}` : '';
}
