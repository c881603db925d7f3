/** How reports write times of day and durations, in the caller's units (plain numbers by default). */
export interface TimeFormat {
  time(value: number): string;
  duration(value: number): string;
  /** A duration as a number for a reason's params (whole minutes where the caller's unit is seconds). */
  amount(value: number): number;
}

export const PLAIN_TIME: TimeFormat = { time: String, duration: String, amount: (value) => value };

/** A reason a report gives twice: a stable code with its values (for clients to word), and an English sentence. */
export interface ReportedReason {
  code: string;
  params: Record<string, string | number>;
  text: string;
}
