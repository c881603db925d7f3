import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { openEngine } from '@terep/db';
import type { DistributedReport, DonationRequestList, NeedSignalList, StockLevel } from '@terep/db/contract';
import { clearDonations } from '../src/donation-fixtures.ts';
import { utf8 } from '../src/org-fixtures.ts';
import { databaseUrl } from '../src/test-env.ts';
import { apiFetch, ARTIFACTS, baseUrl, describeInBrowser, importForSuite, READY_TIMEOUT, type BrowserSession } from './browser-session.ts';
import { horizontalOverflow } from './page-layout.ts';

/*
 * The donation bank's whole loop in a real Chromium (issue 14), as an admin: an organisation's
 * offer of food parcels is recorded, accepted, collected and received into a warehouse; requests are
 * made in one step from three need signals; the allocation is computed and committed; its
 * warehouse's route problem opens on the logistics page, the router plans it and the delivery is
 * confirmed there; the stock page and the county report show the change. Then screenshots of every
 * donation page at 1440 and 1024 px in both languages, with no horizontal overflow.
 *
 * The suite imports its own warehouse and need signals (synthetic; the names carry a run stamp,
 * because the donation ledger keeps a warehouse it names, so the import's rollback may leave it on a
 * shared server database).
 */

const TEST_TIMEOUT = 420_000;
const STEP_TIMEOUT = 60_000;
const RUN = Date.now().toString(36);
const WAREHOUSE = `Miskolci adományraktár (e2e ${RUN})`;
const ORGANISATION = `Adománybank e2e ${RUN}`;
const DONOR = 'Példa Élelmiszerbank Egyesület (teszt)';
/** Miskolc's warehouse (synthetic). */
const WAREHOUSES_CSV = `név;lon;lat;kapacitás\n${WAREHOUSE};20.7784;48.1035;5000\n`;
/** Three Borsod settlements with food need: 5, 6 and 7 households (made-up counts). */
const SIGNALLED = [
  { code: '16054', households: 5 },
  { code: '06691', households: 6 },
  { code: '27410', households: 7 },
];
const NEED_SIGNALS_CSV = [
  'KSH kód;kategória;sürgősség;háztartások;dátum;szervezet',
  ...SIGNALLED.map((signal, index) => `${signal.code};élelmiszer;${index === 0 ? 'kritikus' : 'magas'};${signal.households};2026-11-0${index + 1};${ORGANISATION}`),
].join('\n');
const REQUESTED = SIGNALLED.reduce((sum, signal) => sum + signal.households, 0);
const OFFERED = 30;
const ITEM = 'food-parcel';
const BORSOD = '05';

async function json<T>(path: string): Promise<T> {
  const response = await apiFetch(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Waits for the first of a notice or an error and fails with the error's text. */
async function expectNotice(page: Page, notice: string, error: string): Promise<string> {
  await page.locator(`[data-testid="${notice}"], [data-testid="${error}"]`).first().waitFor({ timeout: STEP_TIMEOUT });
  const refused = page.getByTestId(error);
  if (await refused.isVisible()) throw new Error(`the page refused: ${await refused.innerText()}`);
  return page.getByTestId(notice).innerText();
}

async function borsodDistributed(): Promise<number> {
  const report = await json<DistributedReport>(`/api/donations/reports/distributed?level=county&item=${ITEM}`);
  return report.rows.filter((row) => row.areaCode === BORSOD).reduce((sum, row) => sum + row.quantity, 0);
}

async function waitForLogistics(session: BrowserSession, page: Page, key: string): Promise<void> {
  try {
    await page.waitForSelector(`body[data-logistics-ready="${key}"]`, { timeout: READY_TIMEOUT });
  } catch (error) {
    const alerts = await page.locator('[role=alert]').allInnerTexts();
    throw new Error(`the logistics map did not show "${key}": ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${session.pageErrors(page).join(' | ')}`);
  }
}

describeInBrowser('donation bank in Chromium', (session) => {
  importForSuite('donations e2e test', [
    { kind: 'warehouses', fileName: 'adomanyraktar.csv', bytes: utf8(WAREHOUSES_CSV) },
    { kind: 'need-signals', fileName: 'adomany-jelzesek.csv', bytes: utf8(NEED_SIGNALS_CSV) },
  ]);
  // Runs before the imports' rollback (after-hooks run last registered first). The ledger keeps the warehouse
  // it names and requests keep their signals, so without this the rollback leaves both behind; on a server
  // the integration suites share that database and would meet a third warehouse. (The embedded browser
  // database is the server process's own copy, made afresh for every run, and cannot be opened from here.)
  afterAll(async () => {
    const url = databaseUrl();
    if (!url) return;
    const { features } = await json<{ features: { properties: { id: number; name: string } }[] }>('/api/layers/warehouses');
    const ids = features.filter((feature) => feature.properties.name === WAREHOUSE).map((feature) => feature.properties.id);
    if (ids.length === 0) return;
    const engine = await openEngine({ databaseUrl: url });
    try {
      await clearDonations(engine, ids, ORGANISATION);
    } finally {
      await engine.close();
    }
  });

  it(
    'records an offer, receives it, makes requests from need signals, allocates, routes and confirms the delivery; stock and the county report follow',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const { features } = await json<{ features: { properties: { id: number; name: string } }[] }>('/api/layers/warehouses');
      const warehouseId = features.find((feature) => feature.properties.name === WAREHOUSE)?.properties.id;
      expect(warehouseId, 'the imported warehouse').toBeTypeOf('number');
      const { signals } = await json<NeedSignalList>('/api/need-signals');
      const signalIds = signals.filter((signal) => signal.organisation === ORGANISATION).map((signal) => signal.id);
      expect(signalIds).toHaveLength(SIGNALLED.length);
      const distributedBefore = await borsodDistributed();
      // Requests an earlier, interrupted run left open (a shared server database) would compete for this run's stock.
      const { requests } = await json<DonationRequestList>('/api/requests');
      for (const request of requests.filter((entry) => entry.organisation.startsWith('Adománybank e2e') && entry.organisation !== ORGANISATION && entry.status !== 'fulfilled' && entry.status !== 'cancelled')) {
        await apiFetch(`/api/requests/${request.id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'e2e: left open by an earlier run' }) });
      }

      // 1. An organisation offers food parcels in Miskolc, to be received in the new warehouse.
      const page = await session.newPage({ as: 'admin' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${baseUrl()}/donations/offers`);
      const form = page.getByTestId('offer-form');
      await form.waitFor({ timeout: STEP_TIMEOUT });
      await page.getByTestId('offer-donor-name').fill(DONOR);
      await page.locator('#search-input').fill('miskolc');
      await page.locator('#search-results').getByRole('option', { name: /^Miskolc/ }).first().click({ timeout: STEP_TIMEOUT });
      await expect.poll(() => page.getByTestId('offer-settlement').innerText(), { timeout: STEP_TIMEOUT }).toContain('Miskolc');
      await page.getByTestId('offer-warehouse').selectOption({ label: WAREHOUSE });
      await page.getByTestId('offer-line-item').first().selectOption(ITEM);
      await page.getByTestId('offer-line-quantity').first().fill(String(OFFERED));
      await page.getByTestId('offer-submit').click();
      const offerId = Number(/#(\d+)/.exec(await expectNotice(page, 'offer-notice', 'offer-error'))?.[1]);
      expect(offerId).toBeGreaterThan(0);
      const row = page.locator(`tr[data-offer-id="${offerId}"]`);
      await row.waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}/donations-offer.png`, fullPage: true });

      // 2. Accepted, collected and received into the warehouse: each step is the row's next button.
      for (const [step, status] of [
        ['accepted', 'accepted'],
        ['collected', 'collected'],
        ['received', 'received'],
      ] as const) {
        await row.locator(`button[data-action="${step}"]`).click({ timeout: STEP_TIMEOUT });
        await expect.poll(() => row.getAttribute('data-status'), { timeout: STEP_TIMEOUT }).toBe(status);
      }
      expect(await page.getByTestId('offer-action-error').count()).toBe(0);

      // 3. The stock page shows the parcels in the warehouse.
      await page.goto(`${baseUrl()}/donations`);
      const stockCell = page.locator(`tr[data-warehouse-id="${warehouseId}"][data-item="${ITEM}"] td[data-cell="quantity"]`);
      await expect.poll(() => stockCell.innerText(), { timeout: STEP_TIMEOUT }).toBe(String(OFFERED));

      // 4. Requests from the three need signals in one step (the item of the food need, a parcel per household).
      await page.goto(`${baseUrl()}/donations/requests`);
      await page.getByTestId('signal-picker').waitFor({ timeout: STEP_TIMEOUT });
      for (const id of signalIds) await page.locator(`tr[data-signal-id="${id}"] input[type=checkbox]`).check();
      await page.getByTestId('signal-requests-submit').click();
      expect(await expectNotice(page, 'signal-requests-notice', 'signal-requests-error')).toContain(String(SIGNALLED.length));
      await expect.poll(() => page.locator('[data-testid="request-list"] tr[data-status="requested"]').count(), { timeout: STEP_TIMEOUT }).toBeGreaterThanOrEqual(SIGNALLED.length);

      // 5. The allocation serves every request from the warehouse; committed.
      await page.goto(`${baseUrl()}/donations/allocation`);
      await page.getByTestId('allocation-form').waitFor({ timeout: STEP_TIMEOUT });
      await page.getByTestId('allocation-form').getByLabel(WAREHOUSE).check();
      await page.getByTestId('allocation-run').click();
      const result = page.getByTestId('allocation-result');
      await result.waitFor({ timeout: STEP_TIMEOUT });
      const allocationId = Number(await result.getAttribute('data-allocation-id'));
      const assigned = page.locator(`[data-testid="allocation-assignments"] tr[data-warehouse-id="${warehouseId}"]`);
      expect(await assigned.count(), 'an assignment per request').toBeGreaterThanOrEqual(SIGNALLED.length);
      await page.screenshot({ path: `${ARTIFACTS}/donations-allocation.png`, fullPage: true });
      await page.getByTestId('allocation-commit').click();
      await page.getByTestId('allocation-committed').waitFor({ timeout: STEP_TIMEOUT });

      // 6. The warehouse's route problem opens on the logistics page and the router plans it.
      await page.locator(`a[data-testid="open-routes"][data-warehouse-id="${warehouseId}"]`).click();
      await page.waitForURL(/\/logistics\?allocation=/, { timeout: STEP_TIMEOUT });
      await waitForLogistics(session, page, 'base');
      const panel = page.getByTestId('allocation-route-panel');
      await panel.locator(`li[data-warehouse-id="${warehouseId}"].current`).waitFor({ timeout: STEP_TIMEOUT });
      await expect.poll(async () => Number((await page.getByTestId('stop-count').innerText()).match(/^(\d+)/)?.[1]), { timeout: STEP_TIMEOUT }).toBeGreaterThanOrEqual(SIGNALLED.length);
      await page.getByRole('button', { name: 'Útvonalak tervezése' }).click();
      await page.getByTestId('route-plan').waitFor({ timeout: READY_TIMEOUT });
      await waitForLogistics(session, page, 'routes');
      expect(await page.getByTestId('route-plan').locator('[role=alert]').count()).toBe(0);

      // 7. The delivery is confirmed in full on the logistics page.
      const delivery = panel.getByTestId('delivery-form');
      await delivery.waitFor({ timeout: STEP_TIMEOUT });
      await page.getByTestId('dispatch-routes').click();
      await panel.getByRole('status').filter({ hasText: 'úton' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await delivery.getByTestId('delivery-confirm').click();
      await page.locator('[data-testid="delivery-recorded"], [data-testid="delivery-error"]').first().waitFor({ timeout: STEP_TIMEOUT });
      if (await page.getByTestId('delivery-error').isVisible()) throw new Error(await page.getByTestId('delivery-error').innerText());
      await page.screenshot({ path: `${ARTIFACTS}/donations-logistics.png` });

      // 8. The stock went down by what was delivered, and the county report counts it in Borsod.
      const levels = await json<StockLevel[]>(`/api/stock?warehouseId=${warehouseId}`);
      expect(levels.find((level) => level.item === ITEM)).toMatchObject({ quantity: OFFERED - REQUESTED, reserved: 0 });
      await page.goto(`${baseUrl()}/donations`);
      await expect.poll(() => stockCell.innerText(), { timeout: STEP_TIMEOUT }).toBe(String(OFFERED - REQUESTED));

      expect(await borsodDistributed()).toBe(distributedBefore + REQUESTED);
      await page.goto(`${baseUrl()}/donations/reports`);
      const borsodRow = page.locator(`[data-testid="distributed-table"] tr[data-area="${BORSOD}"][data-item="${ITEM}"] td[data-cell="quantity"]`);
      await expect.poll(() => borsodRow.innerText(), { timeout: STEP_TIMEOUT }).toContain(new Intl.NumberFormat('hu-HU').format(distributedBefore + REQUESTED));
      await page.getByTestId('chart-distributed').locator(`g.bar[data-bar="${BORSOD}"]`).waitFor({ timeout: STEP_TIMEOUT });
      const csvAddress = new URL((await page.getByTestId('report-distributed-csv').getAttribute('href')) ?? '', baseUrl());
      const csv = await apiFetch(`${csvAddress.pathname}${csvAddress.search}`);
      expect(csv.status).toBe(200);
      // Read as bytes: fetch's text() drops the byte-order mark the file starts with.
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)], 'a byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
      const csvText = new TextDecoder().decode(bytes);
      expect(csvText.split(/\r?\n/)[0], 'semicolon-separated').toContain(';');
      expect(csvText).toContain('Borsod');
      await page.screenshot({ path: `${ARTIFACTS}/donations-reports.png`, fullPage: true });
      expect(session.pageErrors(page)).toEqual([]);
      expect(allocationId).toBeGreaterThan(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows every donation page at 1440 and 1024 px in both languages without horizontal overflow',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const pages = [
        { path: '/donations', name: 'stock' },
        { path: '/donations/offers', name: 'offers' },
        { path: '/donations/requests', name: 'requests' },
        { path: '/donations/allocation', name: 'allocation' },
        { path: '/donations/reports', name: 'reports' },
        { path: '/donations/map', name: 'map' },
      ];
      for (const locale of ['hu', 'en'] as const) {
        for (const width of [1440, 1024]) {
          for (const { path, name } of pages) {
            const page = await session.openPage(path, { viewport: { width, height: 900 }, locale });
            if (name === 'map') await page.waitForSelector('body[data-donations-ready^="layers"]', { timeout: READY_TIMEOUT });
            else await page.getByTestId('donation-nav').waitFor({ timeout: STEP_TIMEOUT });
            // What the page loads is drawn before the picture is taken.
            await expect.poll(() => page.locator('.empty', { hasText: /Betöltés|Loading/ }).count(), { timeout: STEP_TIMEOUT }).toBe(0);
            await page.screenshot({ path: `${ARTIFACTS}/page-donations-${name}-${locale}-${width}.png`, fullPage: name !== 'map' });
            expect(await horizontalOverflow(page), `${path} ${locale} ${width}px: horizontal overflow`).toBeLessThanOrEqual(0);
            expect(session.pageErrors(page), `${path} ${locale} ${width}px`).toEqual([]);
          }
        }
      }
    },
    TEST_TIMEOUT,
  );
});
