import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { PARTNERS_CSV, PROGRAMME_NAME, PROGRAMMES_CSV } from '../src/programme-fixtures.ts';
import { apiFetch, ARTIFACTS, baseUrl, type BrowserSession, describeInBrowser, fitMap, mapBox, READY_TIMEOUT, waitForMapIdle } from './browser-session.ts';
import { horizontalOverflow, overlappingHeaderParts } from './page-layout.ts';
import { decodePng, type Pixels } from './png-pixels.ts';

/*
 * Issue 15 in a real Chromium: a small programme with two projects and its partners is imported
 * through the import page (the synthetic "(teszt)" files of test/src/programme-fixtures.ts, real
 * settlements: Ózd, Sáta, the Putnok district), its action areas are drawn on the analysis map
 * (hatched where the mentor programme overlaps it in Ózd), the gap view ranks places and flies to
 * one, and the programme page shows its projects, partners, areas and a target chart. Screenshots
 * at 1440 and 1024 px in both languages. The imports are rolled back at the end.
 */

const TEST_TIMEOUT = 400_000;
const STEP_TIMEOUT = 90_000;
const IMPORTER = 'E2E programok';
const OZD: [number, number] = [20.2869, 48.2192];
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

type Rgb = [number, number, number];

interface ProgrammeRow {
  id: number;
  name: string;
}

async function importThroughPage(page: Page, kindLabel: RegExp, fileName: string, text: string): Promise<number> {
  await page.goto(`${baseUrl()}/import`);
  await page.getByRole('radio', { name: kindLabel }).check();
  await page.getByLabel('Importáló neve').fill(IMPORTER);
  await page.locator('#import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Ellenőrzés', exact: true }).click();
  await page.locator('section.report[data-status="validated"]').waitFor({ timeout: STEP_TIMEOUT });
  expect(await page.locator('section.report table.problems tbody tr.error').count(), `${fileName}: rows with errors`).toBe(0);
  await page.getByRole('button', { name: 'Importálás', exact: true }).click();
  const verdict = page.locator('.verdict', { hasText: '#' });
  await verdict.waitFor({ timeout: STEP_TIMEOUT });
  const id = Number(/#(\d+)/.exec(await verdict.innerText())?.[1]);
  expect(id, `${fileName}: import id`).toBeGreaterThan(0);
  return id;
}

async function waitForReady(session: BrowserSession, page: Page, selector: string): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout: READY_TIMEOUT });
  } catch (error) {
    const alerts = await page.locator('[role=alert]').allInnerTexts();
    throw new Error(`${selector} did not appear: ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${session.pageErrors(page).join(' | ')}`);
  }
}

function shareNear(pixels: Pixels, color: Rgb, tolerance: number, box: { x: number; y: number; width: number; height: number }): number {
  let near = 0;
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const x1 = Math.min(pixels.width, Math.round(box.x + box.width));
  const y1 = Math.min(pixels.height, Math.round(box.y + box.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const index = (y * pixels.width + x) * 4;
      if ([0, 1, 2].every((channel) => Math.abs(pixels.rgba[index + channel]! - color[channel]!) <= tolerance)) near++;
    }
  }
  return near / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** Nothing wider than the window, and no two header parts on top of each other. */
async function checkLayout(page: Page, what: string): Promise<void> {
  expect(await horizontalOverflow(page), `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
  expect(await overlappingHeaderParts(page), `${what}: header parts on top of each other`).toEqual([]);
}

describeInBrowser('programmes in Chromium', (session) => {
  // The imports the first test makes through the page; the other tests look at them, the last step rolls them back.
  const imports: number[] = [];
  let programme: ProgrammeRow | undefined;
  afterAll(async () => {
    for (const id of imports.reverse()) await apiFetch(`/api/imports/${id}`, { method: 'DELETE' });
  });

  it(
    'imports a programme with two projects and partners, draws its action areas, ranks gaps and shows the programme page',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      // 1. Partners first (the programme file names them), then the programme with its two projects.
      const page = await session.newPage();
      imports.push(await importThroughPage(page, /^Partnerszervezetek/, 'partnerek.csv', PARTNERS_CSV));
      imports.push(await importThroughPage(page, /^Programok és projektek/, 'programok.csv', PROGRAMMES_CSV));
      await page.screenshot({ path: `${ARTIFACTS}/programmes-import.png`, fullPage: true });

      const { programmes } = (await (await apiFetch('/api/programmes')).json()) as { programmes: ProgrammeRow[] };
      programme = programmes.find((entry) => entry.name === PROGRAMME_NAME);
      if (!programme) throw new Error(`${PROGRAMME_NAME} is not in GET /api/programmes`);

      // 2. The action areas on the analysis map: the toggle says it is on, the panel counts the parts,
      // the map draws them in the programme's colour around Ózd.
      await page.goto(`${baseUrl()}/analysis`);
      await waitForReady(session, page, 'body[data-analysis-ready="base"]');
      const toggle = page.locator('[data-programme-layer="programme-areas"] input[type="checkbox"]');
      await toggle.check();
      expect(await toggle.isChecked()).toBe(true);
      await waitForReady(session, page, 'body[data-analysis-ready="programme-areas"]');
      const count = page.locator('[data-programme-layer="programme-areas"] .count');
      await expect.poll(async () => Number((await count.innerText()).replace(/\D/g, '')), { timeout: STEP_TIMEOUT }).toBeGreaterThanOrEqual(3);
      await fitMap(page, [OZD[0] - 0.45, OZD[1] - 0.3, OZD[0] + 0.45, OZD[1] + 0.3]);
      await waitForMapIdle(page);
      await page.screenshot({ path: `${ARTIFACTS}/programmes-areas.png` });
      const box = await mapBox(page);
      const pixels = decodePng(await page.screenshot({ clip: box }));
      const point = await page.evaluate((lonLat) => (globalThis as unknown as { __terepMap: { project(p: [number, number]): { x: number; y: number } } }).__terepMap.project(lonLat), OZD);
      // The outline is drawn in the programme's colour at full strength (programme-colors.ts, Tableau 10 by id).
      const palette: Rgb[] = [[78, 121, 167], [242, 142, 43], [225, 87, 89], [118, 183, 178], [89, 161, 79], [237, 201, 72], [176, 122, 161], [255, 157, 167], [156, 117, 95], [186, 176, 172]];
      const outline = palette[programme.id % palette.length]!;
      expect(shareNear(pixels, outline, 20, { x: point.x - 150, y: point.y - 150, width: 300, height: 300 }), 'programme colour around Ózd').toBeGreaterThan(0.002);

      // 3. The gap view: need signals against programmes and helpers within 10 km; a row flies the map there.
      await page.getByRole('tab', { name: 'Hiányok' }).click();
      await page.locator('#gap-radius').fill('10');
      await page.getByTestId('gap-run').click();
      await page.getByTestId('gap-result').waitFor({ timeout: STEP_TIMEOUT });
      expect(await page.getByTestId('gap-summary').innerText()).toMatch(/hely szükséglet-értékkel/);
      const firstRow = page.locator('[data-testid="gap-list"] tbody tr').first();
      if (await firstRow.count()) {
// The row fetches the place's bounds first, then flies: wait for the centre to move, then for the map to settle.
        const centre = () => page.evaluate(() => (globalThis as unknown as { __terepMap: { getCenter(): { lng: number; lat: number } } }).__terepMap.getCenter());
        const before = await centre();
        await firstRow.getByRole('button').click();
        await expect.poll(async () => { const now = await centre(); return Math.hypot(now.lng - before.lng, now.lat - before.lat); }, { timeout: STEP_TIMEOUT }).toBeGreaterThan(0.05);
        await waitForMapIdle(page);
        expect(await firstRow.getAttribute('class')).toContain('selected');
      }
      await page.screenshot({ path: `${ARTIFACTS}/programmes-gap.png` });
      expect(session.pageErrors(page)).toEqual([]);

      // 4. The programme page: two projects, its partners, the areas map, a target entered through the form and its chart.
      await page.goto(`${baseUrl()}/programmes`);
      await page.getByRole('link', { name: PROGRAMME_NAME }).click();
      await page.waitForURL(new RegExp(`/programmes/${programme.id}$`));
      await waitForReady(session, page, 'body[data-programme-ready="areas"]');
      expect(await page.locator('article.project').count()).toBe(2);
      const partners = await page.getByTestId('partner-table').innerText();
      expect(partners).toContain('Ózd Város Önkormányzata (teszt)');
      expect(partners).toContain('Putnoki Közösségi Egyesület (teszt)');
      const csv = await apiFetch((await page.getByTestId('programme-csv').getAttribute('href')) ?? '');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');

      const project = page.locator('article.project').first();
      await project.getByRole('button', { name: 'Indikátorok szerkesztése' }).click();
      const form = page.getByTestId('targets-form');
      await form.getByLabel('Indikátor', { exact: true }).fill('Bevont családok száma (teszt)');
      await form.getByLabel('Vállalt érték', { exact: true }).fill('40');
      await form.getByLabel('Elért érték', { exact: true }).fill('25');
      await form.getByRole('button', { name: 'Mentés' }).click();
      await page.getByTestId('target-chart').first().waitFor({ timeout: STEP_TIMEOUT });
      expect(await page.locator('[data-testid="target-chart"] g.target').count()).toBe(1);
      expect(await page.locator('[data-testid="target-chart"] text.value').first().textContent()).toContain('25 / 40');
      expect(session.pageErrors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  // 5. Screenshots of the programme pages and the gap view in both languages at two widths.
  for (const locale of ['hu', 'en'] as const) {
    it(
      `shows the programme pages and the gap view in ${locale} at 1440 and 1024 px without overflow`,
      async () => {
        if (!programme) throw new Error('the programme was not imported (the first test failed)');
        for (const viewport of SIZES) {
          const shot = await session.openPage(`/programmes/${programme.id}`, { viewport, locale });
          await waitForReady(session, shot, 'body[data-programme-ready="areas"]');
          await shot.screenshot({ path: `${ARTIFACTS}/page-programme-${locale}-${viewport.width}x${viewport.height}.png`, fullPage: true });
          await checkLayout(shot, `/programmes/${programme.id} ${locale} ${viewport.width}px`);

          const list = await session.openPage('/programmes', { viewport, locale });
          await list.getByTestId('programme-list').waitFor({ timeout: STEP_TIMEOUT });
          await list.screenshot({ path: `${ARTIFACTS}/page-programmes-${locale}-${viewport.width}x${viewport.height}.png` });
          await checkLayout(list, `/programmes ${locale} ${viewport.width}px`);

          const gap = await session.openPage('/analysis?tab=gap', { viewport, locale });
          await gap.locator('[data-programme-layer="programme-areas"] input[type="checkbox"]').check();
          await waitForReady(session, gap, 'body[data-analysis-ready="programme-areas"]');
          await gap.getByTestId('gap-run').click();
          await gap.getByTestId('gap-result').waitFor({ timeout: STEP_TIMEOUT });
          await waitForReady(session, gap, 'body[data-analysis-ready^="gap"]');
          await gap.screenshot({ path: `${ARTIFACTS}/page-gap-${locale}-${viewport.width}x${viewport.height}.png` });
          await checkLayout(gap, `/analysis?tab=gap ${locale} ${viewport.width}px`);
          expect(session.pageErrors(gap)).toEqual([]);
        }
      },
      TEST_TIMEOUT,
    );
  }
});
