import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiFetch, ARTIFACTS, baseUrl, describeInBrowser, fitMap, hoverUntilTooltip, mapBox, READY_TIMEOUT } from './browser-session.ts';
import { decodePng, distinctColorCount, saturatedShare } from './png-pixels.ts';

/*
 * The dashboard in a real Chromium (software WebGL through SwiftShader), through the shared
 * session and map helpers of browser-session.ts.
 */

const TEST_TIMEOUT = 120_000;
const SZEKESFEHERVAR = { code: '14827', name: 'Székesfehérvár' };

interface SettlementProfile {
  name: string;
  point: [number, number];
  bbox: [number, number, number, number];
}

describeInBrowser('dashboard in Chromium', (session) => {
  it(
    'draws the choropleth of Hungary',
    async () => {
      const page = await session.openDashboard();
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
      const response = await apiFetch(`/api/settlements/${SZEKESFEHERVAR.code}`);
      expect(response.status).toBe(200);
      const profile = (await response.json()) as SettlementProfile;
      expect(profile.name).toBe(SZEKESFEHERVAR.name);

      const page = await session.openDashboard();
      // Zoom to the city so it is large on screen, then hover its centre.
      await fitMap(page, profile.bbox);
      const text = await hoverUntilTooltip(page, profile.point, SZEKESFEHERVAR.name);
      expect(text).toContain(SZEKESFEHERVAR.name);
    },
    TEST_TIMEOUT,
  );

  it(
    'switches the interface to English and remembers it',
    async () => {
      const page = await session.openDashboard();
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
      const page = await session.openDashboard();
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
