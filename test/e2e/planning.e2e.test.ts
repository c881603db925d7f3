import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { PlanDetail, PlanScenario } from '@terep/db';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { utf8 } from '../src/org-fixtures.ts';
import { apiFetch, ARTIFACTS, baseUrl, describeInBrowser, importForSuite, mapBox, READY_TIMEOUT, type BrowserSession } from './browser-session.ts';
import { pdfText } from './pdf-text.ts';
import { decodePng, type Pixels } from './png-pixels.ts';

/*
 * The planning page (/planning) in a real Chromium: a p-median and an MCLP in one county, their
 * sites drawn on the map, the before/after chart, and the two plans compared. The test imports its
 * own institutions through the API and removes them and its plans afterwards. Test hooks:
 * `window.__terepMap` and `body[data-planning-ready]`, which names the scene drawn (`plan-<id>`).
 */

const TEST_TIMEOUT = 240_000;
/** Two elderly day-care centres in Komárom-Esztergom, synthetic test fixtures. */
const INSTITUTIONS_CSV = [
  'név;típus;lon;lat;férőhely',
  'Tatabányai Idősek Klubja (e2e teszt);Idősek klubja;18.3940;47.5860;40',
  'Esztergomi Idősek Klubja (e2e teszt);Idősek klubja;18.7403;47.7856;30',
].join('\n');
/** Need signals in three of the county's 76 settlements (Aka, Baj, Bajna), synthetic test fixtures. */
const SIGNALS_CSV = 'KSH kód;kategória;háztartások;dátum;szervezet\n06682;élelmiszer;8;2025-10-01;Teszt\n29212;fűtés;6;2025-10-02;Teszt\n16744;élelmiszer;10;2025-10-03;Teszt\n';
const COUNTY = '11';
const NAMES = { median: 'E2E p-medián (teszt)', covering: 'E2E MCLP (teszt)', signals: 'E2E jelzések (teszt)' };

type Rgb = [number, number, number];
/** Proposed new sites (web/src/lib/planning/plan-style.ts). */
const NEW_SITE: Rgb = [214, 51, 108];

function shareNear(pixels: Pixels, color: Rgb, box: { x: number; y: number; width: number; height: number }, tolerance = 24): number {
  let near = 0;
  let total = 0;
  for (let y = Math.max(0, Math.round(box.y)); y < Math.min(pixels.height, Math.round(box.y + box.height)); y++) {
    for (let x = Math.max(0, Math.round(box.x)); x < Math.min(pixels.width, Math.round(box.x + box.width)); x++) {
      const index = (y * pixels.width + x) * 4;
      total++;
      if ([0, 1, 2].every((channel) => Math.abs(pixels.rgba[index + channel]! - color[channel]!) <= tolerance)) near++;
    }
  }
  return total > 0 ? near / total : 0;
}

/** Waits until the map shows the scene `selector` picks (`body[data-planning-ready...]`) and returns its key. */
async function waitForPlanning(session: BrowserSession, page: Page, selector: string): Promise<string> {
  try {
    await page.waitForSelector(selector, { state: 'attached', timeout: READY_TIMEOUT });
  } catch (error) {
    const alerts = await page.locator('[role=alert]').allInnerTexts();
    throw new Error(`the planning map did not show ${selector}: ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${session.pageErrors(page).join(' | ')}`);
  }
  return (await page.locator('body').getAttribute('data-planning-ready')) ?? '';
}

const BASE = 'body[data-planning-ready="base"]';

async function runPlan(
  session: BrowserSession,
  page: Page,
  settings: { model: string; p: number; reach?: number; name: string; previous?: number; weight?: string },
): Promise<PlanDetail> {
  await page.locator('#plan-model').selectOption(settings.model);
  if (settings.weight) await page.locator('#plan-weight').selectOption(settings.weight);
  await page.locator('#plan-service').selectOption('elderly-day-care');
  await page.locator('#plan-area').selectOption(COUNTY);
  await page.locator('#plan-p').fill(String(settings.p));
  if (settings.reach !== undefined) await page.locator('#plan-reach').fill(String(settings.reach));
  await page.locator('#plan-name').fill(settings.name);
  await page.getByRole('button', { name: 'Tervezés indítása' }).click();
  const newPlan = `body[data-planning-ready^="plan-"]${settings.previous ? `:not([data-planning-ready="plan-${settings.previous}"])` : ''}`;
  const key = await waitForPlanning(session, page, newPlan);
  await page.getByTestId('plan-result').waitFor();
  const response = await apiFetch(`/api/plans/${key.slice('plan-'.length)}`);
  return (await response.json()) as PlanDetail;
}

describeInBrowser('planning page in Chromium', (session) => {
  importForSuite('planning e2e test', [
    { kind: 'institutions', fileName: 'idosek-klubjai.csv', bytes: utf8(INSTITUTIONS_CSV) },
    { kind: 'need-signals', fileName: 'jelzesek.csv', bytes: utf8(SIGNALS_CSV) },
  ]);

  // Registered after the imports, so it runs before their rollback (after-hooks run in reverse).
  afterAll(async () => {
    const { plans } = (await (await apiFetch(`/api/plans`)).json()) as { plans: PlanScenario[] };
    for (const plan of plans.filter((entry) => Object.values(NAMES).includes(entry.name))) {
      await apiFetch(`/api/plans/${plan.id}`, { method: 'DELETE' });
    }
  });

  it(
    'runs a p-median in one county, draws its sites and lines on the map and the before/after chart, then compares it with an MCLP',
    async () => {
      const page = await session.newPage();
      await page.goto(`${baseUrl()}/planning`);
      await waitForPlanning(session, page, BASE);
      await page.locator('#plan-service option[value="elderly-day-care"]').waitFor({ state: 'attached' });

      const median = await runPlan(session, page, { model: 'pmedian', p: 3, name: NAMES.median });
      expect(median.result).toMatchObject({ model: 'pmedian', status: 'optimal' });
      const result = page.getByTestId('plan-result');
      expect(await result.innerText()).toContain('bizonyítottan optimális');
      // The objective says what it counts: residents × km for a population-weighted p-median.
      expect(await page.locator('[data-figure="objective"]').innerText()).toContain('lakos × km');
      expect(await page.getByTestId('plan-distance-method').innerText()).toContain('légvonal × 1,3 kerülőtényező');
      expect(await page.locator('[data-testid="plan-chart"] g.metric').count(), 'three before/after figures').toBe(3);
      expect(await page.locator('[data-testid="plan-chart"] g.bar rect').count()).toBe(6);
      expect(await page.locator('[data-testid="plan-sites"] li').count(), 'three proposed sites listed').toBe(3);
      expect(await page.locator('[data-legend="plan-sites"]').isVisible()).toBe(true);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/planning.png` });
      const box = await mapBox(page);
      const pixels = decodePng(await page.screenshot({ clip: box }));
      const proposed = median.result!.sites.filter((site) => site.kind === 'new');
      const shares: number[] = [];
      for (const site of proposed) {
        const point = await page.evaluate(
          (lonLat) => (globalThis as unknown as { __terepMap: { project(p: [number, number]): { x: number; y: number } } }).__terepMap.project(lonLat),
          [site.lon, site.lat] as [number, number],
        );
        shares.push(shareNear(pixels, NEW_SITE, { x: point.x - 12, y: point.y - 12, width: 24, height: 24 }));
      }
      writeFileSync(`${ARTIFACTS}/planning-pixels.json`, JSON.stringify({ sites: proposed.map((site) => site.name), shares }));
      for (const [index, share] of shares.entries()) {
        expect(share, `the proposed-site colour at ${proposed[index]!.name}`).toBeGreaterThan(0.15);
      }

      // The plan's report: its name, figures and the table of proposed sites are text.
      const [report] = await Promise.all([page.waitForEvent('download', { timeout: READY_TIMEOUT }), page.getByTestId('export-pdf').click()]);
      const words = await pdfText(readFileSync(await report.path()));
      expect(words).toContain(NAMES.median);
      expect(words).toContain('Nyitott telephelyek');
      for (const site of proposed) expect(words).toContain(site.settlementName);

      const covering = await runPlan(session, page, { model: 'mclp', p: 2, reach: 10, name: NAMES.covering, previous: median.id });
      expect(covering.result).toMatchObject({ model: 'mclp', reach: 10 });
      await page.screenshot({ path: `${ARTIFACTS}/planning-mclp.png` });

      // The two saved plans side by side.
      const list = page.getByTestId('plan-scenarios');
      await list.locator(`li[data-plan-id="${median.id}"] input[type=checkbox]`).check();
      await list.locator(`li[data-plan-id="${covering.id}"] input[type=checkbox]`).check();
      await list.getByRole('button', { name: 'Összevetés' }).click();
      const compare = page.getByTestId('plan-compare');
      await compare.waitFor({ timeout: READY_TIMEOUT });
      const text = await compare.innerText();
      expect(text).toContain(NAMES.median);
      expect(text).toContain(NAMES.covering);
      expect(await compare.locator('tbody tr').count()).toBe(8);
      // A difference of two coverage shares is in percentage points, never "%".
      const shareChange = await compare.locator('tr[data-figure="coveredShare"] td').nth(2).innerText();
      expect(shareChange).toMatch(/^[+−-]?\d+(,\d)?\s+százalékpont$/);
      // Objectives of different models do not subtract.
      expect(await compare.locator('tr[data-figure="objective"] td').nth(2).innerText()).toBe('–');
      expect(await page.getByTestId('compare-added').innerText()).toMatch(/Csak a másodikban \(\d+\)/);
      // Both plans drawn, side by side on synchronised maps: each one's proposed sites in its own map.
      await page.waitForSelector(`[data-testid="compare-maps"][data-ready-first="plan-${median.id}"][data-ready-second="plan-${covering.id}"]`, { timeout: READY_TIMEOUT });
      expect(await page.getByTestId('compare-chart').locator('g.metric').count(), 'four compared figures').toBe(4);
      expect(await page.getByTestId('compare-chart').textContent()).toMatch(/százalékpont/);
      await page.screenshot({ path: `${ARTIFACTS}/planning-compare.png` });
      for (const [index, plan] of [median, covering].entries()) {
        const holder = page.locator('[data-testid="compare-maps"] .holder').nth(index);
        const box = await holder.boundingBox();
        if (!box) throw new Error('the compared map is not visible');
        const pixels = decodePng(await page.screenshot({ clip: box }));
        for (const site of plan.result!.sites.filter((entry) => entry.kind === 'new')) {
          const point = await page.evaluate(
            ({ index, lonLat }) => (globalThis as unknown as { __terepCompareMaps: { project(p: [number, number]): { x: number; y: number } }[] }).__terepCompareMaps[index]!.project(lonLat),
            { index, lonLat: [site.lon, site.lat] as [number, number] },
          );
          expect(shareNear(pixels, NEW_SITE, { x: point.x - 12, y: point.y - 12, width: 24, height: 24 }), `plan ${index + 1}'s site ${site.name} on its map`).toBeGreaterThan(0.15);
        }
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'warns when most settlements carry no need-signal weight, and says what the plan optimised',
    async () => {
      const page = await session.newPage();
      await page.goto(`${baseUrl()}/planning`);
      await waitForPlanning(session, page, BASE);
      await page.locator('#plan-service option[value="elderly-day-care"]').waitFor({ state: 'attached' });
      const plan = await runPlan(session, page, { model: 'pmedian', p: 1, name: NAMES.signals, weight: 'need-signals' });
      expect(plan.result?.assignments.map((line) => line.code).sort()).toEqual(['06682', '16744', '29212']);
      const warning = page.locator('[data-testid="plan-warning"][data-code="MOSTLY_ZERO_WEIGHT"]');
      expect(await warning.innerText()).toContain('73 településén nulla a keresletsúly');
      expect(await page.locator('[data-figure="objective"]').innerText()).toContain('jelzett háztartás × km');
      expect(await page.getByTestId('plan-weighted-only').innerText()).toContain('3 súllyal bíró');
    },
    TEST_TIMEOUT,
  );

  it(
    'says why an infeasible plan cannot be made',
    async () => {
      const page = await session.newPage();
      await page.goto(`${baseUrl()}/planning`);
      await waitForPlanning(session, page, BASE);
      await page.locator('#plan-service option[value="elderly-day-care"]').waitFor({ state: 'attached' });
      await page.locator('#plan-service').selectOption('elderly-day-care');
      await page.locator('#plan-area').selectOption(COUNTY);
      await page.locator('#plan-p').fill('3');
      await page.getByRole('radio', { name: 'Listából' }).click();
      await page.locator('#plan-candidate-codes').fill('04428, 18139');
      await page.getByRole('button', { name: 'Tervezés indítása' }).click();
      const alert = page.locator('[role=alert][data-code="INFEASIBLE"]');
      await alert.waitFor({ timeout: READY_TIMEOUT });
      // Worded in the UI's language from the code and its params, not the API's English message.
      expect(await alert.innerText()).toContain('A kért 3 új telephely több, mint a lehetséges helyszínek száma (2).');
      expect(await alert.innerText()).not.toContain('exceed');
    },
    TEST_TIMEOUT,
  );
});
