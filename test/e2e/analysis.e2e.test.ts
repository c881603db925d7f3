import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { INSTITUTIONS_EOV_CSV, utf8, windows1250 } from '../src/org-fixtures.ts';
import { ARTIFACTS, baseUrl, describeInBrowser, importForSuite, mapBox, READY_TIMEOUT, type BrowserSession } from './browser-session.ts';
import { decodePng, type Pixels } from './png-pixels.ts';

/*
 * The analysis page (/analysis) in a real Chromium: service coverage and warehouse catchments
 * drawn over the settlements of the vector tiles. The test imports its own institutions and
 * warehouses through the API and rolls them back afterwards, so the shared database is left as
 * it was. The page's test hooks: `window.__terepMap` and `body[data-analysis-ready]`, which names
 * the analysis drawn once the map went idle after its layers rendered.
 */

const TEST_TIMEOUT = 180_000;
/** Two warehouses (Miskolc, Pécs), capacities in parcels (households), synthetic test fixtures. */
const WAREHOUSES_CSV = 'név;lon;lat;kapacitás\nMiskolci raktár (teszt);20.6994;48.09281;400\nPécsi raktár (teszt);18.24181;46.08777;20\n';
/** Cigánd, the fixtures' social kitchen. */
const CIGAND: [number, number] = [21.8917, 48.2558];

type Rgb = [number, number, number];

/** The basemap's land colour under the analysis fills (web/src/lib/map/basemap-style.ts). */
const LAND: Rgb = [245, 243, 238];
/** Coverage fills (web/src/lib/coverage/coverage-style.ts) as they look over the land. */
const COVERED = blend([44, 123, 182], 0.72, LAND);
const UNCOVERED = blend([245, 151, 70], 0.78, LAND);
/** d3's schemeTableau10, the catchment colours (web/src/lib/catchments/catchment-style.ts). */
const CATCHMENT_PALETTE: Rgb[] = [
  [78, 121, 167], [242, 142, 43], [225, 87, 89], [118, 183, 178], [89, 161, 79],
  [237, 201, 72], [176, 122, 161], [255, 157, 167], [156, 117, 95], [186, 176, 172],
];
/** Catchment polygons are filled at alpha 110/255. */
const CATCHMENT_ALPHA = 110 / 255;

function blend(color: Rgb, alpha: number, under: Rgb): Rgb {
  return [0, 1, 2].map((channel) => Math.round(color[channel]! * alpha + under[channel]! * (1 - alpha))) as Rgb;
}

/** Share of pixels (0-1) within `tolerance` (per channel) of a colour, in an optional box. */
function shareNear(pixels: Pixels, color: Rgb, tolerance = 18, box?: { x: number; y: number; width: number; height: number }): number {
  const x0 = Math.max(0, Math.round(box?.x ?? 0));
  const y0 = Math.max(0, Math.round(box?.y ?? 0));
  const x1 = Math.min(pixels.width, Math.round(box ? box.x + box.width : pixels.width));
  const y1 = Math.min(pixels.height, Math.round(box ? box.y + box.height : pixels.height));
  let near = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const index = (y * pixels.width + x) * 4;
      if (
        Math.abs(pixels.rgba[index]! - color[0]) <= tolerance &&
        Math.abs(pixels.rgba[index + 1]! - color[1]) <= tolerance &&
        Math.abs(pixels.rgba[index + 2]! - color[2]) <= tolerance
      ) {
        near++;
      }
    }
  }
  const total = (x1 - x0) * (y1 - y0);
  return total > 0 ? near / total : 0;
}

async function waitForAnalysis(session: BrowserSession, page: Page, key: string): Promise<void> {
  try {
    await page.waitForSelector(`body[data-analysis-ready="${key}"]`, { timeout: READY_TIMEOUT });
  } catch (error) {
    const alerts = await page.locator('[role=alert]').allInnerTexts();
    throw new Error(
      `the "${key}" analysis was not drawn: ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${session.pageErrors(page).join(' | ')}`,
    );
  }
}

async function openAnalysis(session: BrowserSession): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${baseUrl()}/analysis`);
  await waitForAnalysis(session, page, 'base');
  return page;
}

async function mapPixels(page: Page): Promise<{ pixels: Pixels; box: { x: number; y: number; width: number; height: number } }> {
  const box = await mapBox(page);
  return { pixels: decodePng(await page.screenshot({ clip: box })), box };
}

describeInBrowser('analysis page in Chromium', (session) => {
  importForSuite('analysis e2e test', [
    { kind: 'institutions', fileName: 'intezmenyek.csv', bytes: windows1250(INSTITUTIONS_EOV_CSV) },
    { kind: 'warehouses', fileName: 'raktarak.csv', bytes: utf8(WAREHOUSES_CSV) },
  ]);

  it(
    'computes social-kitchen coverage within 15 km and colours covered and uncovered settlements',
    async () => {
      const page = await openAnalysis(session);
      await page.locator('input[name="coverage-type"][value="social-kitchen"]').check();
      await page.locator('#coverage-reach').fill('15');
      await page.getByRole('button', { name: 'Lefedettség számítása' }).click();
      await waitForAnalysis(session, page, 'coverage');

      const covered = Number((await page.locator('[data-figure="covered-settlements"]').innerText()).replace(/\D/g, ''));
      const uncovered = Number((await page.locator('[data-figure="uncovered-settlements"]').innerText()).replace(/\D/g, ''));
      expect(covered, 'settlements within 15 km of a social kitchen').toBeGreaterThan(0);
      expect(uncovered, 'settlements out of reach').toBeGreaterThan(covered);
      expect(await page.getByTestId('distance-method').innerText()).toContain('légvonal × 1,3 kerülőtényező');
      expect(await page.locator('table.ranked tbody tr').count(), 'ranked neediest uncovered places').toBeGreaterThan(5);
      // The list states its ranking rule (no need signals here: the development index) and the inclusive reach.
      const rule = await page.getByTestId('coverage-ranking').innerText();
      expect(rule).toContain('Járási komplex fejlettségi mutató (290/2014)');
      expect(rule).toContain('a határon lévő is');
      expect(await page.locator('table.ranked tbody tr').first().innerText()).not.toMatch(/Budapest/);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/analysis-coverage.png` });
      const { pixels } = await mapPixels(page);
      const point = await page.evaluate((lonLat) => (globalThis as unknown as { __terepMap: { project(p: [number, number]): { x: number; y: number } } }).__terepMap.project(lonLat), CIGAND);
      const aroundCigand = { x: point.x - 40, y: point.y - 40, width: 80, height: 80 };
      const shares = {
        uncovered: shareNear(pixels, UNCOVERED),
        covered: shareNear(pixels, COVERED),
        coveredAroundCigand: shareNear(pixels, COVERED, 18, aroundCigand),
      };
      writeFileSync(`${ARTIFACTS}/analysis-coverage-pixels.json`, JSON.stringify({ covered, uncovered, shares }));
      expect(shares.uncovered, 'share of the map in the uncovered colour').toBeGreaterThan(0.15);
      expect(shares.covered, 'share of the map in the covered colour').toBeGreaterThan(0.0005);
      expect(shares.coveredAroundCigand, 'covered colour around the Cigánd social kitchen').toBeGreaterThan(0.05);
      expect(await page.locator('[data-legend="coverage"]').isVisible(), 'coverage legend').toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'draws the warehouse catchments and the difference of a planned warehouse',
    async () => {
      const page = await openAnalysis(session);
      await page.getByRole('tab', { name: 'Raktárak' }).click();
      await waitForAnalysis(session, page, 'catchments');

      const rows = page.locator('[data-testid="catchment-result"] table.sites tbody tr');
      expect(await rows.count(), 'one row per warehouse').toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId('catchment-result').innerText()).toContain('Miskolci raktár (teszt)');
      // Residents against parcel capacities: no utilisation, the units named instead of 212,727 %.
      expect(await page.locator('[data-testid="catchment-result"] th', { hasText: 'Terhelés (lakos)' }).count()).toBe(1);
      for (const cell of await page.locator('[data-figure="utilisation"]').allInnerTexts()) expect(cell).not.toContain('%');
      expect(await page.getByTestId('catchment-units-note').innerText()).toContain('mértékegysége eltér');

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/analysis-catchments.png` });
      const { pixels } = await mapPixels(page);
      const fills = CATCHMENT_PALETTE.map((color) => shareNear(pixels, blend(color, CATCHMENT_ALPHA, LAND), 14));
      const outlines = CATCHMENT_PALETTE.map((color) => shareNear(pixels, color, 14));
      writeFileSync(`${ARTIFACTS}/analysis-catchments-pixels.json`, JSON.stringify({ fills, outlines }));
      const filledCatchments = fills.filter((share) => share > 0.02).length;
      expect(filledCatchments, `catchment colours covering >2% of the map: ${fills.map((share) => share.toFixed(3)).join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(Math.max(...outlines), 'catchment outlines in a warehouse colour').toBeGreaterThan(0.001);
      expect(await page.locator('[data-legend="catchments"]').isVisible(), 'catchment legend').toBe(true);

      // What if a warehouse opened in Debrecen? Settlements of the east move to it.
      await page.getByRole('button', { name: 'Tervezett raktár hozzáadása' }).click();
      const box = await mapBox(page);
      const debrecen = await page.evaluate(() => (globalThis as unknown as { __terepMap: { project(p: [number, number]): { x: number; y: number } } }).__terepMap.project([21.6273, 47.5316]));
      await page.mouse.click(box.x + debrecen.x, box.y + debrecen.y);
      const difference = page.getByTestId('catchment-difference');
      await difference.waitFor({ timeout: READY_TIMEOUT });
      await waitForAnalysis(session, page, 'catchments');
      const text = await difference.innerText();
      expect(text).toMatch(/\d[\d\s]* település kerül másik raktárhoz/);
      expect(text).toContain('Tervezett raktár 1');
      await page.screenshot({ path: `${ARTIFACTS}/analysis-what-if.png` });
    },
    TEST_TIMEOUT,
  );
});
