/** Minutes of the working day that pass in one second of playback. */
export const PLAYBACK_MINUTES_PER_SECOND = 40;

/**
 * The route playback's clock: from the first departure to the last return of a plan, advanced by
 * animation frames while playing. Paused at the start by default (nothing redraws until asked).
 */
export class Playback {
  start = $state(0);
  end = $state(0);
  time = $state(0);
  playing = $state(false);
  #frame = 0;
  #last = 0;

  /** A new plan's day: stops playing and goes back to its start. */
  reset(start: number, end: number): void {
    this.pause();
    this.start = start;
    this.end = end;
    this.time = start;
  }

  seek(time: number): void {
    this.time = Math.min(this.end, Math.max(this.start, time));
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (this.playing || this.end <= this.start) return;
    if (this.time >= this.end) this.time = this.start;
    this.playing = true;
    this.#last = performance.now();
    this.#frame = requestAnimationFrame((now) => this.#tick(now));
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.#frame);
  }

  #tick(now: number): void {
    if (!this.playing) return;
    this.time = Math.min(this.end, this.time + ((now - this.#last) / 1000) * PLAYBACK_MINUTES_PER_SECOND);
    this.#last = now;
    if (this.time >= this.end) {
      this.playing = false;
      return;
    }
    this.#frame = requestAnimationFrame((next) => this.#tick(next));
  }
}
