/** How reports write times of day and durations, in the caller's units (plain numbers by default). */
export interface TimeFormat {
  time(value: number): string;
  duration(value: number): string;
}

export const PLAIN_TIME: TimeFormat = { time: String, duration: String };
