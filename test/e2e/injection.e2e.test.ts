import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { utf8 } from '../src/org-fixtures.ts';
import { apiFetch, baseUrl, describeInBrowser, importFile } from './browser-session.ts';

/*
 * The values of test/integration/injection.test.ts, stored through the API and shown by the pages
 * that display them: nothing runs. `window.alert` (and confirm/prompt) are hooked before any page
 * script; an inline handler the page let through would also be refused by the Content-Security-Policy,
 * which the session's check after each test fails on.
 */

const INJECTIONS = ["'; DROP TABLE settlement; --", "' OR 1=1 --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const;
const ORGANISATION = 'E2E injekció';
const STEP_TIMEOUT = 90_000;

/** The page's window as the hook sees it (the tests compile without the DOM's types). */
type HookedWindow = { __alerts?: string[]; alert: (message?: unknown) => void; confirm: (message?: unknown) => boolean; prompt: (message?: unknown) => string | null };

async function hookAlerts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const page = globalThis as unknown as HookedWindow;
    page.__alerts = calls;
    const record = (message?: unknown) => {
      calls.push(String(message));
      return null;
    };
    page.alert = record;
    page.confirm = (message) => record(message) !== null;
    page.prompt = record;
  });
}

async function alertsOf(page: Page): Promise<string[]> {
  // A function, not a string: Playwright evaluates a string with eval, which the CSP refuses.
  return page.evaluate(() => (globalThis as unknown as HookedWindow).__alerts ?? ['the hook is missing']);
}

async function json<T>(response: Promise<Response>, status: number): Promise<T> {
  const answer = await response;
  const body = (await answer.json()) as T;
  if (answer.status !== status) throw new Error(`answered ${answer.status}: ${JSON.stringify(body)}`);
  return body;
}

const post = (path: string, body: unknown) => apiFetch(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describeInBrowser('SQL fragments and script tags on the pages that show them', (session) => {
  it('runs none of them: dashboard search, need index, signals list, admin users, import history', async () => {
    const created = { indices: [] as string[], signals: [] as number[], imports: [] as number[] };
    try {
      for (const payload of INJECTIONS) {
        created.indices.push((await json<{ key: string }>(post('/api/need-indices', { name: payload, components: [{ indicatorKey: 'dev_index_290_2014', weight: 1 }] }), 201)).key);
        const signal = { settlementCode: '23074', category: 'food', urgency: 'high', households: 6, date: '2026-12-01', organisation: `${ORGANISATION} ${payload}` };
        created.signals.push((await json<{ id: number }>(post('/api/need-signals', signal), 201)).id);
      }
      const csv = ['név;típus;lon;lat;férőhely', ...INJECTIONS.map((payload, index) => `"${payload.replaceAll('"', '""')}";Idősek klubja;${(18.9 + index * 0.01).toFixed(2)};47.5;20`)].join('\n');
      created.imports.push(await importFile('institutions', `${INJECTIONS[3]}.csv`, utf8(csv), INJECTIONS[2]));

      const page = await session.newPage();
      await hookAlerts(page);
      const shows = async (path: string, ready: string, texts: readonly string[]) => {
        await page.goto(`${baseUrl()}${path}`);
        await page.locator(ready).first().waitFor({ timeout: STEP_TIMEOUT });
        for (const text of texts) await expect.poll(() => page.locator('body').innerText(), { timeout: STEP_TIMEOUT, message: `${path} shows ${text}` }).toContain(text);
        expect(await alertsOf(page), path).toEqual([]);
        // Markup shown as text: no element the values could have made.
        expect(await page.locator('img[src="x"], script:text("alert(1)")').count(), path).toBe(0);
      };

      // The dashboard search, typed into as a user would, and the dashboard showing a need index by its name.
      await page.goto(`${baseUrl()}/`);
      await page.locator('#search-input').waitFor({ timeout: STEP_TIMEOUT });
      for (const payload of INJECTIONS) {
        await page.locator('#search-input').fill(payload);
        await page.keyboard.press('Enter');
      }
      expect(await alertsOf(page), 'search').toEqual([]);
      await shows(`/?indicator=${created.indices[3]}&level=settlement`, '#search-input', [INJECTIONS[3]]);

      // The need-index list of the analysis page.
      await page.goto(`${baseUrl()}/analysis`);
      await page.locator('#tab-needIndex').click({ timeout: STEP_TIMEOUT });
      await page.locator('.saved-list').waitFor({ timeout: STEP_TIMEOUT });
      for (const payload of INJECTIONS) await expect.poll(() => page.locator('.saved-list').innerText(), { timeout: STEP_TIMEOUT }).toContain(payload);
      expect(await alertsOf(page), 'analysis').toEqual([]);

      await shows('/signals', `tr[data-signal-id="${created.signals[0]}"]`, INJECTIONS.map((payload) => `${ORGANISATION} ${payload}`));
      await shows('/import', `tr[data-import-id="${created.imports[0]}"]`, [`${INJECTIONS[3]}.csv`, INJECTIONS[2]]);
      // Usernames cannot hold them (the API refuses such names); the list is opened all the same.
      await shows('/admin/users', 'table', ['e2e-admin']);
      expect(session.pageErrors(page)).toEqual([]);
    } finally {
      for (const id of created.imports) await apiFetch(`/api/imports/${id}`, { method: 'DELETE' });
      for (const key of created.indices) await apiFetch(`/api/need-indices/${key}`, { method: 'DELETE' });
      // Hand-recorded signals are withdrawn (kept as history, off the map and the lists).
      for (const id of created.signals) await apiFetch(`/api/need-signals/${id}`, { method: 'DELETE' });
    }
  }, 600_000);
});
