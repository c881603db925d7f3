/** How many failed sign-ins a key may have within a window. */
export interface LimitRule {
  attempts: number;
  windowMs: number;
}

const SWEEP_ABOVE = 10_000;

/**
 * A sliding window of failed attempts per key, in memory: enough for one server
 * process (a restart forgets, which only helps the legitimate user).
 */
export class SlidingWindowLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    readonly rule: LimitRule,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const recent = this.#recent(key);
    return recent.length < this.rule.attempts ? 0 : recent[recent.length - this.rule.attempts]! + this.rule.windowMs - this.now();
  }

  fail(key: string): void {
    // Keys are only pruned when they come back; many one-off keys (guessed usernames) are swept here.
    if (this.#failures.size >= SWEEP_ABOVE) for (const old of [...this.#failures.keys()]) this.#recent(old);
    this.#failures.set(key, [...this.#recent(key), this.now()]);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.now() - this.rule.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
    return recent;
  }
}
