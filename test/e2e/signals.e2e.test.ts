import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiFetch, ARTIFACTS, baseUrl, describeInBrowser, e2eUser, fitMap, hoverUntilTooltip, type LonLat } from './browser-session.ts';

/*
 * Issue 11's signal intake in a real Chromium: the regional user of Baranya records 3 households in
 * Horváthertelend through the form; a viewer finds the settlement on the map as "<5"; the admin
 * finds the write in the audit trail. The signal is withdrawn at the end (it stays as history).
 */

const TEST_TIMEOUT = 300_000;
const STEP_TIMEOUT = 60_000;
const SETTLEMENT = { code: '23074', name: 'Horváthertelend', query: 'horvathertelend' };
const ORGANISATION = 'E2E Teszt Egyesület';

describeInBrowser('recording a need signal in Chromium', (session) => {
  it(
    'records 3 households as a regional user, shows "<5" to a viewer on the map, and the admin finds it in the audit trail',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      let signalId: number | null = null;
      try {
        // 1. The regional user of Baranya records the signal through the form.
        const regional = await session.newPage({ as: 'regional' });
        await regional.goto(`${baseUrl()}/signals`);
        const form = regional.getByTestId('signal-form');
        await form.waitFor({ timeout: STEP_TIMEOUT });
        await regional.locator('#search-input').fill(SETTLEMENT.query);
        await regional.getByRole('option', { name: new RegExp(SETTLEMENT.name) }).first().click({ timeout: STEP_TIMEOUT });
        await expect.poll(() => regional.getByTestId('signal-settlement').innerText(), { timeout: STEP_TIMEOUT }).toContain(SETTLEMENT.code);
        await regional.getByTestId('signal-category').selectOption('heating');
        await regional.getByTestId('signal-urgency').selectOption('high');
        await regional.getByTestId('signal-households').fill('3');
        await regional.getByTestId('signal-organisation').fill(ORGANISATION);
        await regional.getByTestId('signal-submit').click();
        const notice = regional.getByTestId('signal-notice');
        await regional.locator('[data-testid="signal-notice"], [data-testid="signal-error"]').first().waitFor({ timeout: STEP_TIMEOUT });
        if (!(await notice.isVisible())) throw new Error(`the form refused the signal: ${await regional.getByTestId('signal-error').innerText()}`);
        signalId = Number(/#(\d+)/.exec(await notice.innerText())?.[1]);
        expect(signalId).toBeGreaterThan(0);
        const row = regional.locator(`tr[data-signal-id="${signalId}"]`);
        await row.waitFor({ timeout: STEP_TIMEOUT });
        expect(await row.innerText()).toContain(SETTLEMENT.name);
        await regional.screenshot({ path: `${ARTIFACTS}/signals-form.png` });

        // 2. A viewer sees the settlement on the map with "<5", never the 3.
        const profile = (await (await apiFetch(`/api/settlements/${SETTLEMENT.code}`, {}, 'viewer')).json()) as { point: LonLat };
        const viewer = await session.newPage({ as: 'viewer' });
        await viewer.goto(`${baseUrl()}/?layers=need-signals`);
        await session.waitForMapReady(viewer);
        const [lon, lat] = profile.point;
        await fitMap(viewer, [lon - 0.06, lat - 0.04, lon + 0.06, lat + 0.04]);
        const tooltip = await hoverUntilTooltip(viewer, profile.point, SETTLEMENT.name);
        expect(tooltip).toContain(SETTLEMENT.name);
        expect(tooltip).toContain('<5');
        expect(tooltip).not.toMatch(/(^|\D)3 háztartás/);
        await viewer.screenshot({ path: `${ARTIFACTS}/signals-viewer-map.png` });

        // 3. The admin finds the write in the audit trail, filtered to the regional user's signals.
        const admin = await session.newPage();
        await admin.goto(`${baseUrl()}/admin/audit`);
        await admin.getByTestId('audit-filters').waitFor({ timeout: STEP_TIMEOUT });
        await admin.getByTestId('audit-user').fill(e2eUser('regional').username);
        await admin.getByTestId('audit-kind').selectOption('need-signal');
        await admin.getByRole('button', { name: 'Szűrés', exact: true }).click();
        const entry = admin.locator(`tr[data-audit-kind="need-signal"][data-object-id="${signalId}"]`);
        await entry.waitFor({ timeout: STEP_TIMEOUT });
        const text = await entry.innerText();
        expect(text).toContain(e2eUser('regional').username);
        expect(text).toContain('létrehozás');
        expect(text).toContain(ORGANISATION);
        expect(await admin.getByTestId('audit-csv').getAttribute('href')).toContain('/api/audit.csv?');
        await admin.screenshot({ path: `${ARTIFACTS}/signals-audit.png` });
      } finally {
        if (signalId) await apiFetch(`/api/need-signals/${signalId}`, { method: 'DELETE' });
      }
    },
    TEST_TIMEOUT,
  );
});
