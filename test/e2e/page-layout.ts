import type { Page } from 'playwright-core';
import type { BrowserGlobals } from './browser-globals.ts';

/** How many pixels the page is wider than the window: above 0, it scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as BrowserGlobals).document;
    return documentElement.scrollWidth - documentElement.clientWidth;
  });
}

/** The parts of the header (brand, search, links, buttons) that stand on one another, as "first / second". */
export function overlappingHeaderParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const parts = Array.from(document.querySelectorAll('.topbar .brand > *, .topbar input, .topbar nav a, .topbar nav button'))
      .map((element) => ({ name: (element.textContent ?? element.tagName).trim().slice(0, 30), box: element.getBoundingClientRect() }))
      .filter((part) => part.box.width > 1 && part.box.height > 1);
    const pairs: string[] = [];
    for (const [index, first] of parts.entries()) {
      for (const second of parts.slice(index + 1)) {
        const apart = first.box.right <= second.box.left || second.box.right <= first.box.left || first.box.bottom <= second.box.top || second.box.bottom <= first.box.top;
        if (!apart) pairs.push(`${first.name} / ${second.name}`);
      }
    }
    return pairs;
  });
}
