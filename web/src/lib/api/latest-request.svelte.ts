import { isAbortError } from './api-error';

/**
 * The request behind a panel's answer: a new one aborts the one before, and only the
 * latest decides whether the panel is loading and which error it shows (an answer that
 * arrives after the user asked again is never drawn).
 */
export class LatestRequest {
  loading = $state(false);
  error = $state.raw<unknown>(null);
  #controller: AbortController | null = null;

  /** Runs `task`; its failures (but not its abortion) become `error`, also handed to `onError`. */
  async run(task: (signal: AbortSignal) => Promise<void>, options: { onError?: (error: unknown) => void; onSettled?: () => void } = {}): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    try {
      await task(controller.signal);
    } catch (error) {
      if (!isAbortError(error)) {
        this.error = error;
        options.onError?.(error);
      }
    } finally {
      if (this.#controller === controller) {
        this.loading = false;
        this.#controller = null;
        options.onSettled?.();
      }
    }
  }

  /** Stops the running task (its fetch is aborted, so the server stops too) and forgets it. */
  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.loading = false;
  }

  destroy(): void {
    this.#controller?.abort();
  }
}
