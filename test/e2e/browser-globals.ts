/*
 * The browser's globals as code passed to `page.evaluate` uses them, typed for the test's
 * tsconfig (which has no DOM library: Node's own File and Blob types must stay as they are).
 * Only types: a function sent to the browser cannot close over anything of the test's module.
 */

export interface BrowserRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface BrowserElement {
  tagName: string;
  className: unknown;
  textContent: string | null;
  outerHTML: string;
  /** Inputs, selects and buttons. */
  type?: string;
  disabled?: boolean;
  labels?: ArrayLike<BrowserElement> | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): BrowserRect;
  /** One box per line fragment of an inline element (a link wrapping over two lines has two). */
  getClientRects(): ArrayLike<BrowserRect>;
  contains(other: BrowserElement | null): boolean;
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
}

export interface BrowserGlobals {
  document: {
    documentElement: { lang: string; scrollWidth: number; clientWidth: number };
    elementFromPoint(x: number, y: number): BrowserElement | null;
    querySelector(selector: string): BrowserElement | null;
    querySelectorAll(selector: string): ArrayLike<BrowserElement>;
  };
  localStorage: { setItem(key: string, value: string): void };
  __terepMap: { project(lonLat: [number, number]): { x: number; y: number }; getContainer(): BrowserElement };
}
