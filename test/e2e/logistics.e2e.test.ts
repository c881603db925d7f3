import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { utf8 } from '../src/org-fixtures.ts';
import { ARTIFACTS, baseUrl, describeInBrowser, importForSuite, mapBox, READY_TIMEOUT, type BrowserSession } from './browser-session.ts';
import { decodePng, type Pixels } from './png-pixels.ts';

/*
 * The logistics page (/logistics) in a real Chromium: two warehouses and the settlements with need
 * signals become depots and stops, the server plans two vans' routes, and the page draws them,
 * tables them and exports them as CSV and GPX. The test imports its own warehouses and need
 * signals through the API and rolls them back afterwards. Test hooks: `window.__terepMap` and
 * `body[data-logistics-ready]` (`base`, then `routes` once the routes are drawn and the map idle).
 */

const TEST_TIMEOUT = 240_000;
const WAREHOUSES = ['Miskolci raktár (szállítás e2e)', 'Ózdi raktár (szállítás e2e)'];
/** Two warehouses in Borsod: synthetic test fixtures. */
const WAREHOUSES_CSV = `név;lon;lat;kapacitás\n${WAREHOUSES[0]};20.6994;48.09281;5000\n${WAREHOUSES[1]};20.2889;48.2195;5000\n`;
/** Need signals in ten Borsod settlements (made-up counts, 5-9 households each). */
const SIGNALLED = ['16054', '06691', '27410', '10728', '21351', '33048', '19433', '28352', '30739', '02848'];
const NEED_SIGNALS_CSV = [
  'KSH kód;kategória;háztartások;személyek;dátum;szervezet',
  ...SIGNALLED.map((code, index) => `${code};élelmiszer;${5 + (index % 5)};${12 + index};2025-10-0${1 + (index % 9)};Szállítás e2e`),
].join('\n');

type Rgb = [number, number, number];
/** d3's schemeDark2, the route colours (web/src/lib/logistics/route-colors.ts). */
const ROUTE_COLORS: Rgb[] = [[27, 158, 119], [217, 95, 2]];

function shareNear(pixels: Pixels, color: Rgb, tolerance = 20): number {
  let near = 0;
  for (let index = 0; index < pixels.width * pixels.height * 4; index += 4) {
    if (
      Math.abs(pixels.rgba[index]! - color[0]) <= tolerance &&
      Math.abs(pixels.rgba[index + 1]! - color[1]) <= tolerance &&
      Math.abs(pixels.rgba[index + 2]! - color[2]) <= tolerance
    ) {
      near++;
    }
  }
  return near / (pixels.width * pixels.height);
}

async function waitForLogistics(session: BrowserSession, page: Page, key: string): Promise<void> {
  try {
    await page.waitForSelector(`body[data-logistics-ready="${key}"]`, { timeout: READY_TIMEOUT });
  } catch (error) {
    const alerts = await page.locator('[role=alert]').allInnerTexts();
    throw new Error(`the logistics map did not show "${key}": ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${session.pageErrors(page).join(' | ')}`);
  }
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describeInBrowser('logistics page in Chromium', (session) => {
  importForSuite('logistics e2e test', [
    { kind: 'warehouses', fileName: 'raktarak.csv', bytes: utf8(WAREHOUSES_CSV) },
    { kind: 'need-signals', fileName: 'jelzesek.csv', bytes: utf8(NEED_SIGNALS_CSV) },
  ]);

  it(
    'plans routes from two warehouses to the signalled settlements, draws, tables and exports them',
    async () => {
      const page = await session.newPage();
      await page.goto(`${baseUrl()}/logistics`);
      await waitForLogistics(session, page, 'base');

      for (const name of WAREHOUSES) await page.getByLabel(name).check();
      await page.getByRole('button', { name: /Szükségletjelzésekből/ }).click();
      const stops = Number((await page.getByTestId('stop-count').innerText()).match(/^(\d+)/)?.[1]);
      expect(stops, 'stops from the need signals').toBeGreaterThanOrEqual(SIGNALLED.length);

      await page.getByRole('button', { name: 'Útvonalak tervezése' }).click();
      await page.getByTestId('route-plan').waitFor({ timeout: READY_TIMEOUT });
      await waitForLogistics(session, page, 'routes');

      const plan = page.getByTestId('route-plan');
      expect(await plan.locator('[role=alert]').count(), await plan.innerText()).toBe(0);
      expect(await plan.locator('[data-route]').count(), 'one table per van').toBe(2);
      expect(await plan.locator('table.visits tbody tr').count(), 'a row per stop and a return row per route').toBe(stops + 2);
      expect(await page.getByTestId('distance-method').innerText()).toContain('légvonal × 1,3 kerülőtényező');

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/logistics-routes.png` });
      const box = await mapBox(page);
      const pixels = decodePng(await page.screenshot({ clip: box }));
      const shares = ROUTE_COLORS.map((color) => shareNear(pixels, color));
      writeFileSync(`${ARTIFACTS}/logistics-routes-pixels.json`, JSON.stringify({ stops, shares }));
      for (const [index, share] of shares.entries()) expect(share, `route ${index + 1} drawn in its colour`).toBeGreaterThan(0.002);
      expect(await page.locator('[data-legend="routes"]').isVisible(), 'route legend').toBe(true);

      // Playback: the clock moves and the vans with it.
      const clock = page.locator('.playback output');
      const start = await clock.innerText();
      await page.getByTestId('playback-toggle').click();
      await expect.poll(() => clock.innerText(), { timeout: 30_000 }).not.toBe(start);
      await page.getByTestId('playback-toggle').click();
      await page.screenshot({ path: `${ARTIFACTS}/logistics-playback.png` });

      const csv = await download(page, 'CSV letöltése');
      expect(csv.name).toMatch(/^utvonalak-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = csv.text.replace(/^\uFEFF/, '').trimEnd().split(/\r\n/).map((line) => line.split(';'));
      expect(rows[0]).toEqual(['Útvonal', 'Jármű', '#', 'Megálló', 'KSH', 'Érkezés', 'Indulás', 'Időablak', 'Le', 'Fel', 'Rakomány', 'km']);
      for (const row of rows) expect(row).toHaveLength(12);
      const stopRows = rows.slice(1).filter((row) => row[4] !== '' && row[2] !== '0');
      expect(stopRows.map((row) => row[4]).sort()).toEqual(expect.arrayContaining(SIGNALLED));
      expect(stopRows).toHaveLength(stops);

      const gpx = await download(page, 'GPX letöltése');
      expect(gpx.name).toMatch(/\.gpx$/);
      // Parsed by the browser's own XML parser (the test's tsconfig has no DOM types: hence the casts).
      const parsed = await page.evaluate((text) => {
        type Element = { localName: string; namespaceURI: string | null; getAttribute(name: string): string | null };
        type XmlDocument = { documentElement: Element; getElementsByTagName(name: string): { length: number } };
        const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument } };
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const root = doc.documentElement;
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          root: root.localName,
          namespace: root.namespaceURI,
          version: root.getAttribute('version'),
          routes: doc.getElementsByTagName('rte').length,
          routePoints: doc.getElementsByTagName('rtept').length,
          tracks: doc.getElementsByTagName('trk').length,
          trackPoints: doc.getElementsByTagName('trkpt').length,
        };
      }, gpx.text);
      expect(parsed).toMatchObject({ errors: 0, root: 'gpx', namespace: 'http://www.topografix.com/GPX/1/1', version: '1.1', routes: 2, tracks: 2 });
      expect(parsed.routePoints, 'depot, stops and depot again per route').toBe(stops + 4);
      expect(parsed.trackPoints).toBeGreaterThan(stops);
    },
    TEST_TIMEOUT,
  );
});
