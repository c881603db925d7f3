import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { BrowserGlobals } from './browser-globals.ts';
import { ARTIFACTS, describeInBrowser } from './browser-session.ts';
import { horizontalOverflow, overlappingHeaderParts } from './page-layout.ts';

/*
 * Every page in both languages at a desktop and a small laptop size, saved in test/artifacts/
 * (`page-<name>-<lang>-<width>x<height>.png`) for people to look at; the test itself checks what a
 * screenshot would show as broken: nothing wider than the window (no horizontal scrolling), no
 * control cut off at the side panel's edge, no uncaught page error.
 */

const PAGES = [
  { path: '/', name: 'dashboard' },
  { path: '/analysis', name: 'analysis' },
  { path: '/planning', name: 'planning' },
  { path: '/logistics', name: 'logistics' },
  { path: '/import', name: 'import' },
  { path: '/donations', name: 'donations' },
  { path: '/donations/reports', name: 'donation-reports' },
] as const;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const LOCALES = ['hu', 'en'] as const;

describeInBrowser('screenshots of every page', (session) => {
  for (const { path, name } of PAGES) {
    for (const locale of LOCALES) {
      it(
        `${path} in ${locale}`,
        async () => {
          mkdirSync(ARTIFACTS, { recursive: true });
          for (const viewport of SIZES) {
            const page = await session.openPage(path, { viewport, locale });
            expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.lang)).toBe(locale);
            await page.screenshot({ path: `${ARTIFACTS}/page-${name}-${locale}-${viewport.width}x${viewport.height}.png` });

            expect(await horizontalOverflow(page), `${path} ${viewport.width}px: horizontal overflow`).toBeLessThanOrEqual(0);
            // Controls of the side panel must end inside it (time inputs once ran past its edge).
            const cutOff = await page.evaluate(() => {
              const panel = (globalThis as unknown as BrowserGlobals).document.querySelector('.controls');
              if (!panel) return [];
              const edge = panel.getBoundingClientRect().right;
              return Array.from(panel.querySelectorAll('input, select, button, textarea'))
                .filter((element) => {
                  const box = element.getBoundingClientRect();
                  return box.width > 0 && box.right > edge + 1;
                })
                .map((element) => element.outerHTML.slice(0, 80));
            });
            expect(cutOff, `${path} ${viewport.width}px: controls past the side panel's edge`).toEqual([]);
            // Nothing of the header may stand on something else (the brand was once cut by the search box).
            expect(await overlappingHeaderParts(page), `${path} ${viewport.width}px: header parts on top of each other`).toEqual([]);
            expect(session.pageErrors(page)).toEqual([]);
          }
        },
        240_000,
      );
    }
  }
});
