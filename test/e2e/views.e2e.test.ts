import type { NewShareLink, SavedView, StorySummary } from '@terep/db';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { apiFetch, baseUrl, describeInBrowser, READY_TIMEOUT } from './browser-session.ts';

/*
 * Every view in the address, saved views and stories, presentation mode and read-only share links
 * (issue 13), in Chromium: a view set through the UI opens the same in a fresh browser context;
 * three saved views make a story presented with the keyboard; a /v/TOKEN link opens signed out.
 */

const TEST_TIMEOUT = 180_000;
const TITLE_PREFIX = 'E2E nézet';
const INDICATOR = 'population_change_2011_2024';
const CENTRE = { lon: 20.5, lat: 47.9, z: 8 };

interface MapState {
  lon: number;
  lat: number;
  z: number;
}
type CentreWindow = { __terepMap?: { getCenter(): { lng: number; lat: number }; getZoom(): number; jumpTo(options: { center: [number, number]; zoom: number }): void } };

const mapState = (page: Page): Promise<MapState> =>
  page.evaluate(() => {
    const map = (globalThis as unknown as CentreWindow).__terepMap!;
    return { lon: map.getCenter().lng, lat: map.getCenter().lat, z: map.getZoom() };
  });

const levelRadio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
const indicatorRadio = (page: Page, key: string) => page.locator(`input[name="indicator"][value="${key}"]`);
const layerBox = (page: Page, id: string) => page.locator(`li[data-org-layer="${id}"] input[type="checkbox"]`);

async function waitForAddress(page: Page, ...parts: string[]): Promise<void> {
  await page.waitForFunction((wanted) => wanted.every((part) => (globalThis as unknown as { location: { search: string } }).location.search.includes(part)), parts, { timeout: 20_000 });
}

/** Saves the view now shown through the toolbar's link panel. */
async function saveViewThroughUi(page: Page, title: string, note: string): Promise<void> {
  await page.getByTestId('share-link').click();
  await page.getByTestId('save-view-title').fill(title);
  await page.getByTestId('save-view-note').fill(note);
  await page.getByTestId('save-view').click();
  await page.getByTestId('view-saved').waitFor({ timeout: 10_000 });
  await page.getByTestId('share-link').click();
}

describeInBrowser('views in the address, stories, presentation and share links in Chromium', (session) => {
  afterAll(async () => {
    const { stories } = (await (await apiFetch('/api/stories')).json()) as { stories: StorySummary[] };
    for (const story of stories.filter((entry) => entry.title.startsWith(TITLE_PREFIX))) await apiFetch(`/api/stories/${story.id}`, { method: 'DELETE' });
    const { views } = (await (await apiFetch('/api/views')).json()) as { views: SavedView[] };
    for (const view of views.filter((entry) => entry.title.startsWith(TITLE_PREFIX))) await apiFetch(`/api/views/${view.id}`, { method: 'DELETE' });
  });

  it(
    'keeps a view set through the UI in the address, steps back and forward, and opens it the same in a fresh context',
    async () => {
      const page = await session.openDashboard();
      await levelRadio(page, 'Vármegye').click();
      await waitForAddress(page, 'level=county');
      await indicatorRadio(page, INDICATOR).check();
      await waitForAddress(page, `indicator=${INDICATOR}`);
      await layerBox(page, 'warehouses').check();
      await waitForAddress(page, 'layers=warehouses');
      await page.evaluate((centre) => (globalThis as unknown as CentreWindow).__terepMap!.jumpTo({ center: [centre.lon, centre.lat], zoom: centre.z }), CENTRE);
      await waitForAddress(page, `lon=${CENTRE.lon}`, `lat=${CENTRE.lat}`, `z=${CENTRE.z}`);

      // The link panel shows (and copies) the address.
      await page.getByTestId('share-link').click();
      const url = await page.getByTestId('share-url').inputValue();
      expect(url).toBe(page.url());
      expect(url).toContain(`level=county&indicator=${INDICATOR}`);

      // Back undoes the last choice (the layer), forward brings it back.
      await page.goBack();
      await page.waitForFunction(() => !(globalThis as unknown as { location: { search: string } }).location.search.includes('layers=warehouses'));
      await expect.poll(() => layerBox(page, 'warehouses').isChecked()).toBe(false);
      expect(await indicatorRadio(page, INDICATOR).isChecked()).toBe(true);
      await page.goForward();
      await expect.poll(() => layerBox(page, 'warehouses').isChecked()).toBe(true);

      const fresh = await session.newPage();
      await fresh.goto(url);
      await session.waitForMapReady(fresh);
      expect(await levelRadio(fresh, 'Vármegye').getAttribute('aria-checked')).toBe('true');
      expect(await indicatorRadio(fresh, INDICATOR).isChecked()).toBe(true);
      expect(await layerBox(fresh, 'warehouses').isChecked()).toBe(true);
      const shown = await mapState(fresh);
      expect(shown.lon).toBeCloseTo(CENTRE.lon, 3);
      expect(shown.lat).toBeCloseTo(CENTRE.lat, 3);
      expect(shown.z).toBeCloseTo(CENTRE.z, 2);
      expect(session.pageErrors(fresh)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'ignores an unknown indicator with a notice and shows the rest of the view',
    async () => {
      const page = await session.openDashboard('/?level=district&indicator=no_such_indicator');
      await page.getByTestId('view-notice').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('view-notice').innerText()).toContain('indicator=no_such_indicator');
      expect(await levelRadio(page, 'Járás').getAttribute('aria-checked')).toBe('true');
      await page.waitForFunction(() => !(globalThis as unknown as { location: { search: string } }).location.search.includes('no_such_indicator'));
    },
    TEST_TIMEOUT,
  );

  it(
    'restores the analysis tab and heatmap from the address, and drops a deleted plan with a notice',
    async () => {
      const page = await session.openPage('/analysis?tab=needIndex&hex=population&lon=19.1&lat=47.5&z=9');
      expect(await page.getByRole('tab', { selected: true }).getAttribute('id')).toBe('tab-needIndex');
      const shown = await mapState(page);
      expect(shown.lon).toBeCloseTo(19.1, 3);
      expect(shown.z).toBeCloseTo(9, 2);
      await waitForAddress(page, 'tab=needIndex', 'hex=population');

      await page.goto(`${baseUrl()}/planning?plan=999999`);
      await page.getByTestId('view-notice').waitFor({ timeout: READY_TIMEOUT });
      expect(await page.getByTestId('view-notice').innerText()).toContain('plan=999999');
      await page.waitForFunction(() => !(globalThis as unknown as { location: { search: string } }).location.search.includes('plan=999999'));
    },
    TEST_TIMEOUT,
  );

  it(
    'saves three views into a story and presents it step by step with the keyboard',
    async () => {
      const page = await session.openDashboard();
      const steps = [
        { title: `${TITLE_PREFIX} 1`, note: 'Lakónépesség településenként', level: 'Település', indicator: 'population' },
        { title: `${TITLE_PREFIX} 2`, note: 'Népességváltozás vármegyénként', level: 'Vármegye', indicator: INDICATOR },
        { title: `${TITLE_PREFIX} 3`, note: 'Népsűrűség járásonként', level: 'Járás', indicator: 'population_density' },
      ];
      for (const step of steps) {
        await levelRadio(page, step.level).click();
        await indicatorRadio(page, step.indicator).check();
        await waitForAddress(page, `indicator=${step.indicator}`);
        await saveViewThroughUi(page, step.title, step.note);
      }

      await page.getByTestId('views-menu').click();
      for (const step of steps) await page.getByRole('checkbox', { name: `„${step.title}” kiválasztása a történethez` }).check();
      await page.getByTestId('story-title').fill(`${TITLE_PREFIX} történet`);
      await page.getByTestId('save-story').click();
      const story = page.getByTestId('story-item').filter({ hasText: `${TITLE_PREFIX} történet` });
      await story.waitFor({ timeout: 10_000 });
      await story.getByTestId('present-story').click();

      const title = page.getByTestId('presenter-title');
      await expect.poll(() => title.innerText(), { timeout: 20_000 }).toBe(steps[0]!.title);
      expect(await page.getByTestId('presenter-note').innerText()).toBe(steps[0]!.note);
      // Presenting hides the header and the side panel; the legend stays with the map.
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      await waitForAddress(page, 'indicator=population&', 'level=settlement');

      await page.keyboard.press('ArrowRight');
      await expect.poll(() => title.innerText()).toBe(steps[1]!.title);
      await waitForAddress(page, `indicator=${INDICATOR}`, 'level=county');
      await session.waitForMapReady(page);
      expect(await page.getByTestId('presenter-step').innerText()).toBe('2. / 3');

      await page.keyboard.press('Space');
      await expect.poll(() => title.innerText()).toBe(steps[2]!.title);
      await waitForAddress(page, 'indicator=population_density', 'level=district');

      await page.keyboard.press('PageUp');
      await expect.poll(() => title.innerText()).toBe(steps[1]!.title);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => title.innerText()).toBe(steps[0]!.title);

      await page.keyboard.press('Escape');
      await page.getByTestId('presenter').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await page.locator('.topbar').isVisible()).toBe(true);
      expect(session.pageErrors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'opens a read-only /v/TOKEN link signed out, and no more once it is revoked',
    async () => {
      const saved = (await (
        await apiFetch('/api/views', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: `${TITLE_PREFIX} megosztva`, note: 'Csak olvasható', page: '/', query: `level=county&indicator=${INDICATOR}&layers=need-signals&lon=19.5&lat=47.2&z=7` }),
        })
      ).json()) as SavedView;
      const created = (await (
        await apiFetch('/api/shares', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ viewId: saved.id, expiresInDays: 1 }) })
      ).json()) as NewShareLink;

      const page = await session.newPage({ signedIn: false });
      await page.goto(`${baseUrl()}${created.path}`);
      await session.waitForMapReady(page);
      await page.getByTestId('presenter-title').waitFor({ timeout: READY_TIMEOUT });
      expect(await page.getByTestId('presenter-title').innerText()).toBe(`${TITLE_PREFIX} megosztva`);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(page.url()).toContain(`indicator=${INDICATOR}`);
      // Read-only: no header, no side panel, no toolbar; the legend is there.
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.locator('aside.controls').isVisible()).toBe(false);
      expect(await page.locator('.legend svg').isVisible()).toBe(true);
      const shown = await mapState(page);
      expect(shown.lon).toBeCloseTo(19.5, 3);
      expect(shown.z).toBeCloseTo(7, 2);
      expect(session.pageErrors(page)).toEqual([]);

      await apiFetch(`/api/shares/${created.share.id}`, { method: 'DELETE' });
      const after = await session.newPage({ signedIn: false });
      await after.goto(`${baseUrl()}${created.path}`);
      await after.getByTestId('shared-error').waitFor({ timeout: READY_TIMEOUT });
      expect(await after.getByTestId('shared-error').innerText()).toContain('visszavonták');
    },
    TEST_TIMEOUT,
  );
});
