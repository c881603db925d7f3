/** Stable reasons a route request is refused; the API answers them as 400 with the code. */
export type LogisticsErrorCode =
  | 'NO_DEPOTS'
  | 'NO_STOPS'
  | 'EMPTY_FLEET'
  | 'UNKNOWN_WAREHOUSE'
  | 'UNKNOWN_SETTLEMENT'
  | 'UNKNOWN_DEPOT'
  | 'INVALID_TIME_WINDOW'
  | 'DEPOT_UNROUTABLE';

/** A route request that cannot be planned as given; the message (English) and `params` name the depot, stop or van. */
export class LogisticsError extends Error {
  constructor(
    readonly code: LogisticsErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'LogisticsError';
  }
}
