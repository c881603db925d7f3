import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, IN_CI, REPO_ROOT, warnSkipped } from '../src/test-env.ts';
import { decodePng, distinctColorCount, saturatedShare } from './png-pixels.ts';

/*
 * The dashboard in a real Chromium (software WebGL through SwiftShader). It relies on two test
 * hooks of web/src/lib/map/map-test-hook.ts: `window.__terepMap` (the maplibre map) and
 * `body[data-map-ready="true"]` (set when the map went idle after the choropleth rendered).
 * Software rendering is slow: the test waits for those signals, never for a fixed time.
 */

const BASE_URL = process.env.TEREP_E2E_URL?.replace(/\/$/, '');
const ARTIFACTS = `${REPO_ROOT}/test/artifacts`;
const READY = 'body[data-map-ready="true"]';
const READY_TIMEOUT = 90_000;
const TEST_TIMEOUT = 120_000;
const SZEKESFEHERVAR = { code: '14827', name: 'Székesfehérvár' };

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const missing = !BASE_URL
  ? 'TEREP_E2E_URL is not set (the base URL of a running Terep server)'
  : !hasChromium()
    ? `Chromium is not installed at ${CHROMIUM_PATH}`
    : undefined;
if (missing && !IN_CI) warnSkipped('browser tests', missing);

describe.runIf(Boolean(missing) && IN_CI)('dashboard in Chromium (CI)', () => {
  it('has what it needs to run', () => {
    throw new Error(`CI must run the browser tests: ${missing}.`);
  });
});

/** The part of the maplibre map the test uses, reached through `window.__terepMap`. */
interface TestMap {
  project(lonLat: [number, number]): { x: number; y: number };
  fitBounds(bounds: [[number, number], [number, number]], options: { animate: boolean; padding: number }): void;
  once(event: 'idle', listener: () => void): void;
}
type TestWindow = { __terepMap?: TestMap };

interface SettlementProfile {
  name: string;
  point: [number, number];
  bbox: [number, number, number, number];
}

describe.skipIf(Boolean(missing))('dashboard in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh browser context per test (no shared storage), showing the loaded dashboard. */
  async function openDashboard(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${BASE_URL}/`);
    try {
      await page.waitForSelector(READY, { timeout: READY_TIMEOUT });
    } catch (error) {
      const alerts = await page.locator('[role=alert]').allInnerTexts();
      throw new Error(
        `the map did not become ready: ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${pageErrors.join(' | ')}`,
      );
    }
    return page;
  }

  async function mapBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await page.locator('.map-area').boundingBox();
    if (!box) throw new Error('the map area is not visible');
    return box;
  }

  it(
    'draws the choropleth of Hungary',
    async () => {
      const page = await openDashboard();
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/dashboard.png` });

      const box = await mapBox(page);
      const pixels = decodePng(await page.screenshot({ clip: box }));
      const coloured = saturatedShare(pixels);
      writeFileSync(`${ARTIFACTS}/dashboard-pixels.json`, JSON.stringify({ coloured, colours: distinctColorCount(pixels) }));
      // The background and basemap land are greys; only the choropleth classes are saturated.
      expect(coloured, 'share of the map box in choropleth colours').toBeGreaterThan(0.2);
      expect(distinctColorCount(pixels), 'distinct colours in the map box').toBeGreaterThan(8);
      expect(await page.locator('.legend svg').isVisible(), 'legend').toBe(true);
      expect(await page.locator('.legend svg rect').count(), 'legend swatches').toBeGreaterThan(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a tooltip with the name of the settlement under the mouse',
    async () => {
      const response = await fetch(`${BASE_URL}/api/settlements/${SZEKESFEHERVAR.code}`);
      expect(response.status).toBe(200);
      const profile = (await response.json()) as SettlementProfile;
      expect(profile.name).toBe(SZEKESFEHERVAR.name);

      const page = await openDashboard();
      // Zoom to the city so it is large on screen; wait until maplibre has settled there.
      await page.evaluate(
        (bbox) =>
          new Promise<void>((resolve) => {
            const map = (globalThis as unknown as TestWindow).__terepMap;
            if (!map) throw new Error('window.__terepMap is missing');
            map.once('idle', () => resolve());
            map.fitBounds(
              [
                [bbox[0], bbox[1]],
                [bbox[2], bbox[3]],
              ],
              { animate: false, padding: 80 },
            );
          }),
        profile.bbox,
      );
      const box = await mapBox(page);
      const tooltip = page.locator('[role=tooltip]');
      const deadline = Date.now() + 90_000;
      let text = '';
      // Detailed boundaries may still be arriving: nudge the mouse until the tooltip names the city.
      for (let attempt = 0; Date.now() < deadline && !text.includes(SZEKESFEHERVAR.name); attempt++) {
        await page.waitForSelector(READY, { timeout: READY_TIMEOUT });
        const point = await page.evaluate(
          (lonLat) => (globalThis as unknown as TestWindow).__terepMap?.project(lonLat) ?? null,
          profile.point,
        );
        if (!point) throw new Error('window.__terepMap is missing');
        const jitter = attempt % 2 === 0 ? 0 : 2;
        await page.mouse.move(box.x + point.x + jitter, box.y + point.y + jitter);
        try {
          await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
          text = await tooltip.innerText();
        } catch {
          text = '';
        }
      }
      expect(text).toContain(SZEKESFEHERVAR.name);
    },
    TEST_TIMEOUT,
  );

  it(
    'switches the interface to English and remembers it',
    async () => {
      const page = await openDashboard();
      await expect(page.getByText('Területi szint', { exact: true }).isVisible()).resolves.toBe(true);

      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByText('Territorial level', { exact: true }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole('radio', { name: 'County', exact: true }).isVisible()).toBe(true);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');

      await page.reload();
      await page.getByText('Territorial level', { exact: true }).waitFor({ timeout: READY_TIMEOUT });
    },
    TEST_TIMEOUT,
  );

  it(
    'finds Székesfehérvár when searching without accents and opens its profile',
    async () => {
      const page = await openDashboard();
      const input = page.locator('#search-input');
      await input.fill('szekesfehervar');
      const options = page.getByRole('option');
      const city = options.filter({ has: page.locator('.name', { hasText: /^Székesfehérvár$/ }) });
      await city.waitFor({ timeout: 20_000 });
      expect(await city.innerText()).toContain(SZEKESFEHERVAR.name);

      // The list is keyboard navigable: arrows move the highlighted option.
      expect(await options.count()).toBeGreaterThan(1);
      await input.press('ArrowDown');
      expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
      await input.press('ArrowUp');
      expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');

      await city.click();
      const title = page.locator('#profile-title');
      await title.waitFor({ timeout: 20_000 });
      expect(await title.innerText()).toBe(SZEKESFEHERVAR.name);
      // The profile arrives from /api/settlements/14827: its population, in Hungarian format.
      await page.locator('.panel h3').first().waitFor({ timeout: 30_000 });
      const panelText = (await page.locator('.panel').innerText()).replace(/\s/g, '');
      expect(panelText).toContain('96024');
    },
    TEST_TIMEOUT,
  );
});
