import { expect, it } from 'vitest';
import { utf8 } from '../src/org-fixtures.ts';
import type { BrowserElement } from './browser-globals.ts';
import { apiFetch, describeInBrowser, importForSuite, READY_TIMEOUT, routeScenarioIds } from './browser-session.ts';

/*
 * What a person notices in the panels: district and county profiles with their contents, Esc
 * closing them, cancelling long runs, the delivery plan's vans, clock fields and playback read
 * out as times, and a delivery plan that survives a reload.
 */

const TEST_TIMEOUT = 300_000;
/** A warehouse and a kitchen without coordinates (both at Miskolc's centre), and need signals: synthetic test fixtures. */
const WAREHOUSES_CSV = 'név;település;kapacitás\nMiskolci raktár (panel e2e);Miskolc;5000\n';
const INSTITUTIONS_CSV = 'név;típus;település\nMiskolci konyha (panel e2e);Szociális konyha / étkeztetés;Miskolc\n';
const SIGNALLED = ['16054', '06691', '27410', '10728'];
const NEED_SIGNALS_CSV = ['KSH kód;kategória;háztartások;dátum;szervezet', ...SIGNALLED.map((code) => `${code};élelmiszer;30;2025-10-01;Panel e2e`)].join('\n');

describeInBrowser('panels in Chromium', (session) => {
  importForSuite('panels e2e test', [
    { kind: 'warehouses', fileName: 'raktar.csv', bytes: utf8(WAREHOUSES_CSV) },
    { kind: 'institutions', fileName: 'konyha.csv', bytes: utf8(INSTITUTIONS_CSV) },
    { kind: 'need-signals', fileName: 'jelzes.csv', bytes: utf8(NEED_SIGNALS_CSV) },
  ]);

  it(
    'shows a county profile with its figures, the organisation data and clickable settlements; Esc closes it',
    async () => {
      const page = await session.openPage('/');
      await page.locator('#search-input').fill('Borsod');
      await page.getByRole('option').filter({ hasText: 'Borsod-Abaúj-Zemplén' }).first().click();
      await expect.poll(() => page.locator('#profile-title').innerText(), { timeout: 30_000 }).toBe('Borsod-Abaúj-Zemplén');
      const settlements = page.getByTestId('area-settlements');
      await settlements.waitFor({ timeout: 30_000 });
      const panel = page.locator('.profile-slot .panel');
      const text = await panel.innerText();
      expect(text).toContain('Lakónépesség (2024)');
      expect(text.replace(/\s/g, '')).toContain('617800');
      expect(text).toContain('Járások száma');
      const organisation = await page.getByTestId('area-organisation').innerText();
      expect(organisation).toContain('Miskolci raktár (panel e2e)');
      expect(organisation).toContain('Miskolci konyha (panel e2e)');
      expect(organisation).toContain('Jelzett háztartások');

      // The first settlement (the most populous) opens its own profile.
      await settlements.getByRole('button').filter({ hasText: 'Miskolc' }).first().click();
      await expect.poll(() => page.locator('#profile-title').innerText(), { timeout: 30_000 }).toBe('Miskolc');

      await page.keyboard.press('Escape');
      await page.locator('#profile-title').waitFor({ state: 'detached', timeout: 10_000 });
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a district profile too',
    async () => {
      const page = await session.openPage('/');
      await page.locator('#search-input').fill('Miskolci');
      await page.getByRole('option').filter({ hasText: /Járás/ }).first().click();
      await page.getByTestId('area-settlements').waitFor({ timeout: 30_000 });
      const text = await page.locator('.profile-slot .panel').innerText();
      expect(text).toContain('Székhely');
      expect(text).toContain('Borsod-Abaúj-Zemplén');
    },
    TEST_TIMEOUT,
  );

  it(
    'names every van, keeps 24-hour clock fields, reads the playback as a time and restores the plan after a reload',
    async () => {
      // Chromium runs with an en-US locale here: a `type=time` field would show AM/PM.
      const page = await session.openPage('/logistics');
      // Esc ends picking stops on the map, as it closes the map pages' panels.
      const pick = page.locator('section[aria-labelledby="stops-title"] button[aria-pressed]');
      await pick.click();
      expect(await pick.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => pick.getAttribute('aria-pressed')).toBe('false');

      await page.getByLabel('Miskolci raktár (panel e2e)').check();
      await page.getByRole('button', { name: /Szükségletjelzésekből/ }).click();

      const fleet = page.locator('fieldset.van').first();
      await fleet.locator('input[name="van-count"]').fill('3');
      await fleet.locator('input[name="van-count"]').press('Tab');
      await fleet.locator('input[name="van-capacity"]').fill('50');
      await fleet.locator('input[name="van-capacity"]').press('Tab');
      const clocks = fleet.locator('input.clock');
      expect(await clocks.count()).toBe(2);
      for (const type of await clocks.evaluateAll((inputs) => inputs.map((input) => (input as unknown as BrowserElement).type))) expect(type).toBe('text');
      await clocks.nth(0).fill('7.30');
      await clocks.nth(0).press('Tab');
      expect(await clocks.nth(0).inputValue()).toBe('07:30');
      await clocks.nth(1).fill('4 PM');
      await clocks.nth(1).press('Tab');
      expect(await clocks.nth(1).getAttribute('aria-invalid')).toBe('true');
      await clocks.nth(1).fill('17:00');
      await clocks.nth(1).press('Tab');
      expect(await clocks.nth(1).getAttribute('aria-invalid')).toBe('false');

      await page.getByRole('button', { name: 'Útvonalak tervezése' }).click();
      const plan = page.getByTestId('route-plan');
      await plan.waitFor({ timeout: READY_TIMEOUT });
      const vehicles = await plan.locator('[data-route]').evaluateAll((routes) => routes.map((route) => route.textContent ?? ''));
      expect(vehicles.length, 'three vans of 50 for 120 parcels').toBeGreaterThan(1);
      const names = vehicles.map((text) => /Kisbusz \d/.exec(text)?.[0]);
      expect(new Set(names).size, `van names: ${names.join(', ')}`).toBe(vehicles.length);

      const slider = page.locator('.playback input[type=range]');
      expect(await slider.getAttribute('aria-valuetext')).toMatch(/^\d\d:\d\d$/);

      const summary = await page.getByTestId('plan-summary').innerText();
      const saved = page.getByTestId('route-scenarios').locator('li[aria-current="true"]');
      await saved.waitFor({ timeout: 10_000 });
      expect(page.url()).toMatch(/[?&]scenario=\d+/);

      await page.reload();
      await page.getByTestId('route-plan').waitFor({ timeout: READY_TIMEOUT });
      expect(await page.getByTestId('plan-summary').innerText()).toBe(summary);
      expect(await page.getByTestId('stop-count').innerText()).toMatch(/^4 /);
      expect(await page.getByLabel('Miskolci raktár (panel e2e)').isChecked()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'cancels a long delivery run',
    async () => {
      const page = await session.openPage('/logistics');
      await page.getByTestId('route-plan').waitFor({ timeout: READY_TIMEOUT }).catch(() => undefined);
      const before = await routeScenarioIds();
      if ((await page.getByLabel('Miskolci raktár (panel e2e)').isChecked()) === false) await page.getByLabel('Miskolci raktár (panel e2e)').check();
      if ((await page.getByTestId('stop-count').count()) === 0) await page.getByRole('button', { name: /Szükségletjelzésekből/ }).click();
      // The search runs its whole time limit when the stops allow improvement: long enough to cancel.
      const limit = page.locator('.options input[type=number]').nth(1);
      await limit.fill('120');
      await limit.press('Tab');
      await page.getByRole('button', { name: 'Útvonalak tervezése' }).click();
      await page.getByTestId('cancel-routes').click();
      await page.getByText('A tervezés megszakítva.').waitFor({ timeout: 10_000 });
      expect(await page.getByRole('button', { name: 'Útvonalak tervezése' }).isEnabled()).toBe(true);
      expect(await routeScenarioIds()).toEqual(before);
    },
    TEST_TIMEOUT,
  );

  it(
    'cancels a long siting run, which leaves no saved plan behind',
    async () => {
      const page = await session.openPage('/planning');
      await page.locator('#plan-service option[value="social-kitchen"]').waitFor({ state: 'attached' });
      await page.locator('#plan-service').selectOption('social-kitchen');
      await page.locator('#plan-p').fill('40');
      await page.locator('#plan-method').selectOption('exact');
      await page.locator('#plan-time-limit').fill('600');
      await page.locator('#plan-name').fill('Megszakított terv (e2e)');
      await page.getByRole('button', { name: 'Tervezés indítása' }).click();
      await page.getByTestId('cancel-plan').click({ timeout: READY_TIMEOUT });
      await page.getByRole('status').filter({ hasText: 'A tervezés megszakítva' }).waitFor({ timeout: 10_000 });
      const { plans } = (await (await apiFetch(`/api/plans`)).json()) as { plans: { name: string }[] };
      expect(plans.map((plan) => plan.name)).not.toContain('Megszakított terv (e2e)');
    },
    TEST_TIMEOUT,
  );
});
