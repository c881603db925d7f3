import { expect, it } from 'vitest';
import { baseUrl, describeInBrowser, waitForMapIdle } from './browser-session.ts';

/** Every page of the dashboard, and whether it shows a map (drawn by maplibre's workers and deck.gl). */
const PAGES: [path: string, map: boolean][] = [
  ['/', true],
  ['/analysis', true],
  ['/planning', true],
  ['/logistics', true],
  ['/import', false],
];

describeInBrowser('security headers in the browser', (session) => {
  it.each(PAGES)('renders %s under the Content-Security-Policy, with no violation logged', async (path, map) => {
    const page = await session.newPage();
    const response = await page.goto(`${baseUrl()}${path}`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    if (map) {
      await page.waitForSelector('.map-area', { timeout: 90_000 });
      // A function, not a string: Playwright evaluates a string with eval, which the CSP refuses.
      await page.waitForFunction(() => (globalThis as { __terepMap?: unknown }).__terepMap !== undefined, undefined, { timeout: 90_000 });
      // Tiles decoded in maplibre's workers, sprites and images from blob: URLs: all drawn by now.
      await waitForMapIdle(page);
    } else {
      await page.waitForSelector('input[type=file]', { timeout: 90_000 });
    }
    // The app booted: the inline boot script ran (no 'unsafe-inline' needed) and mounted the layout.
    expect(await page.locator('nav, header').count()).toBeGreaterThan(0);
    expect(session.pageErrors(page)).toEqual([]);
    // session's afterEach fails the test on any CSP violation logged until then.
  });

  it('refuses an inline script an attacker could smuggle into the page', async () => {
    const page = await session.newPage();
    await page.goto(`${baseUrl()}/import`);
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return window.__injected === true;
    })()`);
    expect(ran).toBe(false);
    expect(session.cspViolations().join('\n')).toMatch(/script-src|Content Security Policy/);
    // Expected here: cleared so the shared check after each test looks at unexpected ones only.
    session.clearCspViolations();
  });
});
