import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { readPngText } from '../../web/src/lib/exports/png-text.ts';
import { apiFetch, ARTIFACTS, baseUrl, describeInBrowser, MAP_PAGES, MAP_READY } from './browser-session.ts';
import { pdfText } from './pdf-text.ts';
import { decodePng, distinctColorCount, saturatedShare, type Pixels } from './png-pixels.ts';

/*
 * Issue 13's exports in a real Chromium: the PNG has the requested pixel size, a drawn map and its
 * legend; the PDF report's title, legend and key figures are text (extracted with unpdf, pdf.js);
 * the CSV is Hungarian Excel's (BOM, ";", decimal comma) and shows a viewer "<5", never a small count.
 */

const TEST_TIMEOUT = 300_000;
const STEP_TIMEOUT = 120_000;
const SETTLEMENT = { code: '23074', name: 'Horváthertelend' };

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: STEP_TIMEOUT }), page.getByTestId(testId).click()]);
  const problem = page.getByTestId('export-problem');
  if (await problem.isVisible()) throw new Error(`the export failed: ${await problem.innerText()}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The middle of the image (clear of the title, legend and credits drawn over the map's edges). */
function middle(pixels: Pixels): Pixels {
  const left = Math.floor(pixels.width * 0.3);
  const top = Math.floor(pixels.height * 0.25);
  const width = Math.floor(pixels.width * 0.4);
  const height = Math.floor(pixels.height * 0.5);
  const rgba = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) rgba.set(pixels.rgba.subarray(((top + row) * pixels.width + left) * 4, ((top + row) * pixels.width + left + width) * 4), row * width * 4);
  return { width, height, rgba };
}

describeInBrowser('exports in Chromium', (session) => {
  it(
    'exports the dashboard as a PNG of the requested size with its legend, and as a PDF report whose words are text',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const page = await session.openDashboard();
      const legendTitle = (await page.locator('.stack-legend svg').getAttribute('aria-label')) ?? '';
      expect(legendTitle.length).toBeGreaterThan(0);

      await page.getByTestId('export-size').selectOption('a4-150');
      const png = await download(page, 'export-png');
      expect(png.name).toMatch(/^terep-dashboard-\d{4}-\d{2}-\d{2}\.png$/);
      const pixels = decodePng(png.bytes);
      expect([pixels.width, pixels.height]).toEqual([1754, 1240]);
      // The choropleth fills the middle of the map with its class colours.
      expect(saturatedShare(middle(pixels))).toBeGreaterThan(0.3);
      const text = readPngText(new Uint8Array(png.bytes));
      expect(text.Title).toBe(legendTitle);
      expect(text.Description).toContain(legendTitle);
      expect(text.Source).toContain('KSH');
      writeFileSync(`${ARTIFACTS}/export-dashboard-a4.png`, png.bytes);

      const pdf = await download(page, 'export-pdf');
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      writeFileSync(`${ARTIFACTS}/export-dashboard.pdf`, pdf.bytes);
      const words = await pdfText(pdf.bytes);
      expect(words).toContain(legendTitle);
      expect(words).toContain('Jelmagyarázat');
      expect(words).toContain('Fő adatok');
      expect(words).toMatch(/Ábrázolt egységek: 3 ?1\d\d/);
      expect(words).toContain('Forrás');
      expect(session.pageErrors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'exports the map of the analysis, planning and logistics pages as a PNG of the map\'s own size',
    async () => {
      for (const { path, ready } of MAP_PAGES.filter((entry) => entry.path !== '/')) {
        const page = await session.openPage(path);
        await page.waitForSelector(ready, { state: 'attached' });
        const canvas = await page.locator('.map-area .map-canvas').first().boundingBox();
        if (!canvas) throw new Error(`${path}: the map is not visible`);
        const png = (await download(page, 'export-png')).bytes;
        const pixels = decodePng(png);
        expect([pixels.width, pixels.height], path).toEqual([Math.round(canvas.width), Math.round(canvas.height)]);
        // Land, settlement outlines and the credits: a drawn map, not an empty canvas.
        expect(distinctColorCount(middle(pixels)), path).toBeGreaterThan(3);
        expect(readPngText(new Uint8Array(png)).Source, path).toContain('KSH');
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'compares two indicators or two years of the dashboard on two synchronised maps, with their figures and differences',
    async () => {
      const page = await session.openDashboard();
      await page.getByTestId('compare-open').click();
      const compare = page.getByTestId('indicator-compare');
      await page.waitForSelector('[data-testid="indicator-compare"][data-drawn-first="true"][data-drawn-second="true"]', { timeout: STEP_TIMEOUT });
      expect(await compare.locator('[data-testid="compare-figures"] tbody tr').count()).toBe(3);
      expect(await page.getByTestId('compare-chart').locator('g.metric').count()).toBe(3);
      // Both maps drawn: their middles are filled with class colours.
      for (const index of [0, 1]) {
        const box = await compare.locator('.holder').nth(index).boundingBox();
        if (!box) throw new Error('a compared map is not visible');
        expect(saturatedShare(middle(decodePng(await page.screenshot({ clip: box })))), `map ${index + 1}`).toBeGreaterThan(0.3);
      }
      // One camera: moving the left map moves the right one.
      const centres = await page.evaluate(`(() => {
        const [left, right] = window.__terepCompareMaps;
        left.jumpTo({ center: [18.2, 46.1], zoom: 8 });
        return [left.getCenter().toArray(), right.getCenter().toArray(), right.getZoom()];
      })()`);
      expect(centres).toEqual([[18.2, 46.1], [18.2, 46.1], 8]);
      await page.screenshot({ path: `${ARTIFACTS}/dashboard-compare.png` });
    },
    TEST_TIMEOUT,
  );

  it(
    'exports the data behind the view as Hungarian Excel CSV, with small counts as "<5" for a viewer',
    async () => {
      const created = await apiFetch('/api/need-signals', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ settlementCode: SETTLEMENT.code, category: 'heating', urgency: 'high', households: 3, date: '2026-11-30', organisation: 'E2E export' }),
      });
      const { id } = (await created.json()) as { id: number };
      expect(created.status).toBe(201);
      try {
        const page = await session.newPage({ as: 'viewer' });
        await page.goto(`${baseUrl()}/?layers=need-signals`);
        await session.waitForMapReady(page, MAP_READY);
        await page.locator('input[name="indicator"][value="population_change_2011_2024"]').check();
        await session.waitForMapReady(page, MAP_READY);

        const values = (await download(page, 'export-csv')).bytes.toString('utf8');
        expect(values.charCodeAt(0)).toBe(0xfeff);
        const lines = values.slice(1).split('\r\n');
        expect(lines[0]).toMatch(/^KSH-kód;Név;.+;Év$/);
        expect(lines.length).toBeGreaterThan(3000);
        // A share of change: decimal commas, never a decimal point.
        expect(values).toMatch(/;-?\d+,\d+;2024/);
        expect(values).not.toMatch(/;-?\d+\.\d+;/);

        await page.getByTestId('export-table').selectOption('need-signals');
        const signals = (await download(page, 'export-csv')).bytes.toString('utf8');
        expect(signals.charCodeAt(0)).toBe(0xfeff);
        const row = signals.split('\r\n').find((line) => line.startsWith(`${SETTLEMENT.code};`));
        expect(row).toBeDefined();
        expect(row!.split(';').slice(0, 3)).toEqual([SETTLEMENT.code, SETTLEMENT.name, '<5']);

        const geojson = JSON.parse((await download(page, 'export-geojson')).bytes.toString('utf8')) as GeoJSON.FeatureCollection;
        const feature = geojson.features.find((entry) => entry.properties?.code === SETTLEMENT.code);
        expect(feature?.properties?.households).toBe('<5');
        expect(feature?.geometry.type).toBe('Point');
      } finally {
        await apiFetch(`/api/need-signals/${id}`, { method: 'DELETE' });
      }
    },
    TEST_TIMEOUT,
  );
});

/**
 * Run in the page (as source text: the test's tsconfig has no DOM types): every group of options says
 * which one is chosen, every tab list its tab, every toggle its state, and no button only looks chosen.
 */
const STATE_AUDIT = `(() => {
  const found = [];
  const describe = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ' "' + (element.textContent || '').trim().slice(0, 40) + '"';
  for (const group of document.querySelectorAll('[role="radiogroup"]')) {
    const chosen = group.querySelectorAll('[role="radio"][aria-checked="true"], input[type="radio"]:checked').length;
    const options = group.querySelectorAll('[role="radio"], input[type="radio"]').length;
    if (options > 0 && chosen !== 1) found.push('radiogroup ' + describe(group) + ' has ' + chosen + ' of ' + options + ' chosen');
  }
  for (const list of document.querySelectorAll('[role="tablist"]')) {
    if (list.querySelectorAll('[role="tab"][aria-selected="true"]').length !== 1) found.push('tablist ' + describe(list) + ' has no single selected tab');
  }
  for (const button of document.querySelectorAll('button.active, button.on, button.shown, button.selected')) {
    if (!['aria-pressed', 'aria-checked', 'aria-selected', 'aria-current', 'aria-expanded'].some((name) => button.hasAttribute(name))) found.push('button ' + describe(button) + ' looks chosen but does not say so');
  }
  for (const toggle of document.querySelectorAll('[role="switch"], [role="checkbox"], [role="radio"]')) {
    if (!toggle.hasAttribute('aria-checked')) found.push(describe(toggle) + ' has no aria-checked');
  }
  return found;
})()`;

describeInBrowser('choices state themselves in Chromium', (session) => {
  it(
    'exposes the chosen level, indicator, layers, tabs and options to assistive technology on every map page',
    async () => {
      for (const { path, ready } of MAP_PAGES) {
        const page = await session.openPage(path);
        await page.waitForSelector(ready, { state: 'attached' });
        const problems = (await page.evaluate(STATE_AUDIT)) as string[];
        expect(problems, path).toEqual([]);
      }
      // The dashboard's choices, as a screen reader hears them.
      const page = await session.openDashboard();
      expect(await page.getByRole('radio', { checked: true }).count()).toBeGreaterThanOrEqual(2);
      const layer = page.locator('[data-org-layer] input[type="checkbox"]').first();
      const before = await layer.isChecked();
      await layer.click();
      expect(await layer.isChecked()).toBe(!before);
    },
    TEST_TIMEOUT,
  );
});
