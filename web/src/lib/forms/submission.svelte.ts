import type { DeskNotice } from './desk-notice';

/** One kind of write a page sends (a form, a cancel, a batch): whether it runs, why it failed, what it said. */
export class Submission {
  busy = $state(false);
  problem = $state.raw<unknown>(null);
  /** Set by the write once it went through. */
  notice = $state.raw<DeskNotice | null>(null);

  /** Forgets what the last write said. */
  clear(): void {
    this.problem = null;
    this.notice = null;
  }

  /**
   * Sends one write unless one runs already: what the last said is cleared, a failure becomes the problem.
   * `settled` runs once the write ended, whether it went through or not (reloading the list it changed).
   */
  async run(write: () => Promise<void>, settled?: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.clear();
    try {
      await write();
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = false;
    }
    await settled?.();
  }
}
