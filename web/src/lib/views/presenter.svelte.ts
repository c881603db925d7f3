import { goto } from '$app/navigation';
import { stepHref, type PresentedStep } from './presenter-keys';

/**
 * Presentation mode: full screen (when the browser allows it), one view per step with its title
 * and note; each step is an ordinary navigation to the view's address, so the page shows its
 * layers and legend and flies its map there. A shared link's presentation cannot be left.
 */
class Presenter {
  steps = $state.raw<PresentedStep[]>([]);
  index = $state(0);
  active = $state(false);
  /** A share link's story: no way out to the app (there is no account behind it). */
  shared = $state(false);

  step = $derived(this.active ? (this.steps[this.index] ?? null) : null);

  /** Starts presenting at the first step; call it from a click (browsers allow full screen only then). */
  start(steps: readonly PresentedStep[], options: { shared?: boolean; fullscreen?: boolean } = {}): void {
    if (steps.length === 0) return;
    this.steps = [...steps];
    this.index = 0;
    this.active = true;
    this.shared = options.shared ?? false;
    if (options.fullscreen ?? true) this.enterFullscreen();
    void this.#show();
  }

  next(): void {
    if (this.index < this.steps.length - 1) {
      this.index += 1;
      void this.#show();
    }
  }

  previous(): void {
    if (this.index > 0) {
      this.index -= 1;
      void this.#show();
    }
  }

  /** Leaves full screen; a presentation of one's own ends too (the page stays on its view). */
  stop(): void {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    if (this.shared) return;
    this.active = false;
    this.steps = [];
  }

  /** Full screen if the browser agrees; presenting goes on in the window if it refuses. */
  enterFullscreen(): void {
    if (document.fullscreenElement || !document.documentElement.requestFullscreen) return;
    document.documentElement.requestFullscreen().catch(() => undefined);
  }

  #show(): Promise<void> {
    const step = this.steps[this.index];
    if (!step) return Promise.resolve();
    const href = stepHref(step);
    if (`${window.location.pathname}${window.location.search}` === href) return Promise.resolve();
    return goto(href, { keepFocus: true, noScroll: true });
  }
}

export const presenter = new Presenter();
