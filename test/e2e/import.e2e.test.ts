import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { INSTITUTIONS_EOV_CSV, windows1250 } from '../src/org-fixtures.ts';
import { apiFetch, ARTIFACTS, baseUrl, describeInBrowser, fitMap, hoverUntilTooltip, type Bbox, type LonLat, waitForMapIdle } from './browser-session.ts';

/*
 * The upload door of issue 3 in a real Chromium: a Windows-1250 CSV with EOV coordinates is
 * checked (a dry run), its valid rows imported, found on the map, and rolled back through the
 * page, so the shared database ends as it started.
 */

const TEST_TIMEOUT = 300_000;
const STEP_TIMEOUT = 60_000;

/** One more row, with the EOV easting and northing the wrong way round: line 5 of the file. */
const SWAPPED_ROW =
  'Sajószentpéteri Házi Segítségnyújtás (teszt);Házi segítségnyújtás;Sajószentpéter, Kossuth u. 4.;Sajószentpéter;327400,0;780100,0;15;Sajószentpéter Város';
const CSV_WITH_PROBLEM = `${INSTITUTIONS_EOV_CSV}\r\n${SWAPPED_ROW}\r\n`;
const PROBLEM_LINE = '5';
const VALID_NAMES = ['Ózdi Családsegítő (teszt)', 'Miskolci Idősek Klubja (teszt)', 'Cigándi Szociális Konyha (teszt)'];
const HOVERED = 'Cigándi Szociális Konyha (teszt)';
const IMPORTER = 'E2E teszt';

interface InstitutionFeature {
  geometry: { coordinates: LonLat };
  properties: { name: string; importId: number };
}

async function institutionsOnServer(): Promise<InstitutionFeature[]> {
  const response = await apiFetch(`/api/layers/institutions`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { features: InstitutionFeature[] }).features;
}

async function isActive(importId: number): Promise<boolean> {
  const response = await apiFetch(`/api/imports`);
  const { imports } = (await response.json()) as { imports: { id: number; status: string }[] };
  return imports.some((run) => run.id === importId && run.status === 'active');
}

async function uploadAndCheck(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/import`);
  await page.getByRole('radio', { name: /^Intézmények/ }).check();
  await page.getByLabel('Importáló neve').fill(IMPORTER);
  await page.locator('#import-file').setInputFiles({
    name: 'intezmenyek-eov.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(windows1250(CSV_WITH_PROBLEM)),
  });
  await page.getByRole('button', { name: 'Ellenőrzés', exact: true }).click();
  await page.locator('section.report[data-status="validated"]').waitFor({ timeout: STEP_TIMEOUT });
}

describeInBrowser('importing institutions in Chromium', (session) => {
  it(
    'checks a Windows-1250 EOV file, imports its valid rows, shows them on the map and rolls them back',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const before = await institutionsOnServer();
      let importId: number | null = null;
      const page = await session.newPage();
      try {
        // 1. The dry run: what was read, the swapped row with its line number, and the preview.
        await uploadAndCheck(page);
        const report = page.locator('section.report');
        const read = await report.locator('.summary').innerText();
        expect(read).toContain('Windows-1250');
        expect(read).toContain('EOV (EPSG:23700)');
        expect(read).toContain('pontosvessző (;)');
        const problems = report.locator('table.problems tbody tr');
        expect(await problems.count()).toBe(1);
        expect(await problems.first().locator('td').first().innerText()).toBe(PROBLEM_LINE);
        expect(await problems.first().innerText()).toMatch(/fel van cserélve/);
        expect(await problems.first().getAttribute('class')).toContain('error');
        expect(await report.locator('table.preview tbody tr').count()).toBe(VALID_NAMES.length);
        for (const name of VALID_NAMES) expect(await report.locator('table.preview').innerText()).toContain(name);
        await report.screenshot({ path: `${ARTIFACTS}/import-report.png` });
        expect(await institutionsOnServer(), 'a dry run writes nothing').toHaveLength(before.length);

        // 2. "All or nothing" refuses a file with errors; "valid rows only" imports the three others.
        const importButton = page.getByRole('button', { name: 'Importálás', exact: true });
        expect(await importButton.isDisabled()).toBe(true);
        await page.getByRole('radio', { name: /Csak az érvényes sorok/ }).check();
        await importButton.click();
        const mapLink = page.getByRole('link', { name: /Megnyitás a térképen/ });
        await mapLink.waitFor({ timeout: STEP_TIMEOUT });
        const href = (await mapLink.getAttribute('href')) ?? '';
        importId = Number(new URL(href, baseUrl()).searchParams.get('import'));
        expect(importId).toBeGreaterThan(0);
        expect(await page.locator('.verdict').innerText()).toContain(`#${importId}`);
        const historyRow = page.locator(`tr[data-import-id="${importId}"]`);
        await historyRow.waitFor({ timeout: STEP_TIMEOUT });
        expect(await historyRow.innerText()).toContain(IMPORTER);

        const imported = (await institutionsOnServer()).filter((feature) => feature.properties.importId === importId);
        expect(imported.map((feature) => feature.properties.name).sort()).toEqual([...VALID_NAMES].sort());

        // 3. The map opens with the institutions layer on, zoomed to the import; its count matches the server's.
        await mapLink.click();
        await page.waitForURL(/layers=institutions/, { timeout: STEP_TIMEOUT });
        await session.waitForMapReady(page);
        const count = page.locator('[data-org-layer="institutions"] label.layer .count');
        const total = before.length + imported.length;
        await expect.poll(() => count.innerText(), { timeout: STEP_TIMEOUT }).toBe(`${total} db`);
        await waitForMapIdle(page);
        await page.screenshot({ path: `${ARTIFACTS}/import-map.png` });

        // Hovering one of the imported icons names it in the tooltip.
        const target = imported.find((feature) => feature.properties.name === HOVERED);
        if (!target) throw new Error(`${HOVERED} was not imported`);
        const [lon, lat] = target.geometry.coordinates;
        const around: Bbox = [lon - 0.08, lat - 0.05, lon + 0.08, lat + 0.05];
        await fitMap(page, around);
        const tooltip = await hoverUntilTooltip(page, target.geometry.coordinates, HOVERED);
        expect(tooltip).toContain(HOVERED);
        expect(tooltip).toContain('Szociális konyha');
        expect(tooltip).toContain('120');
        await page.screenshot({ path: `${ARTIFACTS}/import-map-tooltip.png` });
        expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('Saját adat');

        // 4. Rolled back through the page, with a confirmation: the server is as it was.
        await page.getByRole('link', { name: 'Adatok importálása' }).first().click();
        const row = page.locator(`tr[data-import-id="${importId}"]`);
        await row.waitFor({ timeout: STEP_TIMEOUT });
        await row.getByRole('button', { name: 'Visszavonás' }).click();
        await row.getByRole('button', { name: 'Igen, visszavonom' }).click();
        await row.locator('.status', { hasText: 'Visszavonva' }).waitFor({ timeout: STEP_TIMEOUT });
        expect(await page.locator('.notice').innerText()).toContain(`#${importId}`);
        expect(await isActive(importId)).toBe(false);
        const after = await institutionsOnServer();
        expect(after.filter((feature) => feature.properties.importId === importId)).toHaveLength(0);
        expect(after).toHaveLength(before.length);
        expect(session.pageErrors(page)).toEqual([]);
      } finally {
        // A failure half-way must not leave the import behind in the shared database.
        if (importId && (await isActive(importId))) await apiFetch(`/api/imports/${importId}`, { method: 'DELETE' });
      }
    },
    TEST_TIMEOUT,
  );
});
