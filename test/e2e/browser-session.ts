import type { Role } from '@terep/db';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, IN_CI, REPO_ROOT, warnSkipped } from '../src/test-env.ts';
import { signInCookie, type TestUser } from '../src/test-users.ts';

/*
 * What the browser tests share: the running Terep server (TEREP_E2E_URL), one Chromium per file
 * with a fresh context per test, and the map's test hooks (web/src/lib/map/map-test-hook.ts):
 * `window.__terepMap` (the maplibre map) and `body[data-map-ready="true"]` (set when the map went
 * idle after the choropleth rendered). Software WebGL is slow: wait for those signals, never for
 * a fixed time.
 */

export const BASE_URL = process.env.TEREP_E2E_URL?.replace(/\/$/, '');
export const ARTIFACTS = `${REPO_ROOT}/test/artifacts`;
export const MAP_READY = 'body[data-map-ready="true"]';

/** Every page with a map, and the test hook each sets once its map has drawn what it shows. */
export const MAP_PAGES = [
  { path: '/', ready: MAP_READY },
  { path: '/analysis', ready: 'body[data-analysis-ready]' },
  { path: '/planning', ready: 'body[data-planning-ready]' },
  { path: '/logistics', ready: 'body[data-logistics-ready]' },
] as const;
export const READY_TIMEOUT = 90_000;

/** Chromium with SwiftShader, no network chatter, no sandbox (containers). */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Why the browser tests cannot run here, if they cannot. */
export const missing = !BASE_URL
  ? 'TEREP_E2E_URL is not set (the base URL of a running Terep server)'
  : !hasChromium()
    ? `Chromium is not installed at ${CHROMIUM_PATH}`
    : undefined;

/** The server's base URL; only called inside suites that run. */
export function baseUrl(): string {
  if (!BASE_URL) throw new Error('TEREP_E2E_URL is not set');
  return BASE_URL;
}

/** The browser tests' user of a role (one per role, made by global-setup; the regional one is Baranya's). */
export function e2eUser(role: Role): TestUser {
  const users = JSON.parse(process.env.TEREP_E2E_USERS ?? '{}') as Partial<Record<Role, TestUser>>;
  const user = users[role];
  if (!user) throw new Error(`TEREP_E2E_USERS has no ${role} user (global-setup creates them before starting the server)`);
  return user;
}

const cookies = new Map<Role, Promise<string>>();

/** `fetch` against the test server as a signed-in user (admin by default), for set-up and checks outside the page. */
export async function apiFetch(path: string, init: RequestInit = {}, role: Role = 'admin'): Promise<Response> {
  let cookie = cookies.get(role);
  if (!cookie) {
    cookie = signInCookie({ request: (target, options) => fetch(`${baseUrl()}${target}`, options) }, e2eUser(role));
    cookies.set(role, cookie);
  }
  const headers = new Headers(init.headers);
  headers.set('Cookie', await cookie);
  return fetch(`${baseUrl()}${path}`, { ...init, headers });
}

export interface NewPageOptions {
  /** Sign in as this role's test user (default admin). */
  as?: Role;
  /** false: a context without a session. */
  signedIn?: boolean;
}

/** Imports a file of the organisation's data through the API (not a dry run); its import id, to roll it back after the test. */
export async function importFile(kind: string, fileName: string, bytes: Uint8Array, importedBy = 'e2e test'): Promise<number> {
  const form = new FormData();
  form.set('file', new File([bytes], fileName));
  form.set('dryRun', 'false');
  form.set('importedBy', importedBy);
  const response = await apiFetch(`/api/imports/${kind}`, { method: 'POST', body: form });
  const body = (await response.json()) as { importId?: number };
  if (response.status !== 201 || !body.importId) throw new Error(`importing ${fileName} failed: ${response.status} ${JSON.stringify(body)}`);
  return body.importId;
}

/** A file of the organisation's data a browser suite needs. */
export interface SuiteImport {
  kind: string;
  fileName: string;
  bytes: Uint8Array;
}

/** The ids of the saved route plans (delivery plans). */
export async function routeScenarioIds(): Promise<number[]> {
  const { scenarios } = (await (await apiFetch('/api/routes/scenarios')).json()) as { scenarios: { id: number }[] };
  return scenarios.map((scenario) => scenario.id);
}

/**
 * Imports a suite's files before its tests and leaves nothing of them behind after: the route plans
 * its tests saved are deleted (the logistics page restores the newest, which would meet the next
 * file's tests), then the imports are rolled back newest first, so each rollback undoes exactly
 * what the suite added.
 */
export function importForSuite(importedBy: string, files: readonly SuiteImport[]): void {
  const imports: number[] = [];
  let scenariosBefore: number[] = [];
  beforeAll(async () => {
    scenariosBefore = await routeScenarioIds();
    for (const file of files) imports.push(await importFile(file.kind, file.fileName, file.bytes, importedBy));
  });
  afterAll(async () => {
    for (const id of await routeScenarioIds()) if (!scenariosBefore.includes(id)) await apiFetch(`/api/routes/scenarios/${id}`, { method: 'DELETE' });
    for (const id of imports.reverse()) await apiFetch(`/api/imports/${id}`, { method: 'DELETE' });
  });
}

export type Box = { x: number; y: number; width: number; height: number };
export type LonLat = [number, number];
export type Bbox = [number, number, number, number];

/** The part of the maplibre map the tests use, reached through `window.__terepMap`. */
interface TestMap {
  project(lonLat: LonLat): { x: number; y: number };
  fitBounds(bounds: [[number, number], [number, number]], options: { animate: boolean; padding: number }): void;
  once(event: 'idle' | 'moveend', listener: () => void): void;
  isMoving(): boolean;
  triggerRepaint(): void;
}
type TestWindow = { __terepMap?: TestMap };

/** One Chromium for a suite and a fresh context (no shared storage) per test. */
export class BrowserSession {
  #browser: Browser | undefined;
  #context: BrowserContext | undefined;
  readonly #pageErrors = new WeakMap<Page, string[]>();
  /** Content-Security-Policy violations in the current context: every browser test fails on one. */
  #cspViolations: string[] = [];

  async launch(): Promise<void> {
    this.#browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  }

  /** A page in a fresh context, signed in as admin unless told otherwise (the cookie lives in the context). */
  async newPage(options: NewPageOptions = {}): Promise<Page> {
    if (!this.#browser) throw new Error('the browser was not launched');
    await this.#context?.close();
    this.#context = await this.#browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: baseUrl() });
    if (options.signedIn !== false) {
      const user = e2eUser(options.as ?? 'admin');
      const response = await this.#context.request.post('/api/session', { data: { username: user.username, password: user.password } });
      if (!response.ok()) throw new Error(`signing in as ${user.username} answered ${response.status()}: ${await response.text()}`);
    }
    const violations: string[] = [];
    this.#cspViolations = violations;
    // Chromium logs a refused resource to the console; the event also names what was refused.
    await this.#context.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (event) => console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')));",
    });
    const page = await this.#context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/.test(message.text())) violations.push(message.text());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    this.#pageErrors.set(page, errors);
    return page;
  }

  /** Uncaught errors of the page so far. */
  pageErrors(page: Page): string[] {
    return this.#pageErrors.get(page) ?? [];
  }

  /** Opens the dashboard (`path` may carry `?layers=...`) and waits until its map is ready. */
  async openDashboard(path = '/'): Promise<Page> {
    const page = await this.newPage();
    await page.goto(`${baseUrl()}${path}`);
    await this.waitForMapReady(page);
    return page;
  }

  /** Opens a page and waits for its ready hook (`MAP_PAGES`; the import page has no map: its heading is enough). */
  async openPage(path: string, options: { viewport?: { width: number; height: number }; locale?: 'hu' | 'en' } = {}): Promise<Page> {
    const page = await this.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    if (options.locale) {
      await page.addInitScript((locale) => (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('terep.locale', locale), options.locale);
    }
    await page.goto(`${baseUrl()}${path}`);
    const mapPage = MAP_PAGES.find((entry) => entry.path === path.split('?')[0]);
    if (mapPage) await this.waitForMapReady(page, mapPage.ready);
    else await page.locator('h1, h2').first().waitFor({ timeout: READY_TIMEOUT });
    return page;
  }

  async waitForMapReady(page: Page, selector: string = MAP_READY): Promise<void> {
    try {
      await page.waitForSelector(selector, { timeout: READY_TIMEOUT });
    } catch (error) {
      const alerts = await page.locator('[role=alert]').allInnerTexts();
      throw new Error(
        `the map did not become ready: ${(error as Error).message}\nalerts: ${alerts.join(' | ')}\npage errors: ${this.pageErrors(page).join(' | ')}`,
      );
    }
  }

  /** The Content-Security-Policy violations the current context logged (its pages and workers). */
  cspViolations(): readonly string[] {
    return this.#cspViolations;
  }

  /** Forgets the violations so far: for a test that provokes one on purpose. */
  clearCspViolations(): void {
    this.#cspViolations.length = 0;
  }

  async closeContext(): Promise<void> {
    await this.#context?.close();
    this.#context = undefined;
  }

  async close(): Promise<void> {
    await this.#browser?.close();
  }
}

/**
 * A browser suite: skipped with a loud warning when the server or Chromium is missing, except in
 * CI, where the missing piece fails the run instead.
 */
export function describeInBrowser(name: string, body: (session: BrowserSession) => void): void {
  if (missing && !IN_CI) warnSkipped(`browser tests (${name})`, missing);

  // Registered only when it must fail, so a CI run with everything in place shows no skipped test.
  if (missing && IN_CI) {
    describe(`${name} (CI)`, () => {
      it('has what it needs to run', () => {
        throw new Error(`CI must run the browser tests: ${missing}.`);
      });
    });
  }

  describe.skipIf(Boolean(missing))(name, () => {
    const session = new BrowserSession();
    beforeAll(() => session.launch(), 60_000);
    afterEach(async () => {
      const violations = [...session.cspViolations()];
      await session.closeContext();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    });
    afterAll(() => session.close());
    body(session);
  });
}

export async function mapBox(page: Page): Promise<Box> {
  const box = await page.locator('.map-area').boundingBox();
  if (!box) throw new Error('the map area is not visible');
  return box;
}

/** Resolves when the map has stopped moving and went idle (after an animated zoom, too). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as TestWindow).__terepMap;
        if (!map) throw new Error('window.__terepMap is missing');
        const idle = () => map.once('idle', () => resolve());
        if (map.isMoving()) map.once('moveend', idle);
        else {
          idle();
          map.triggerRepaint();
        }
      }),
  );
}

/** Shows a box without animation and waits until maplibre settled there. */
export async function fitMap(page: Page, bbox: Bbox, padding = 80): Promise<void> {
  await page.evaluate(
    ({ bbox, padding }) =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as TestWindow).__terepMap;
        if (!map) throw new Error('window.__terepMap is missing');
        map.once('idle', () => resolve());
        map.fitBounds(
          [
            [bbox[0], bbox[1]],
            [bbox[2], bbox[3]],
          ],
          { animate: false, padding },
        );
      }),
    { bbox, padding },
  );
}

/**
 * Moves the mouse over a place until the map tooltip contains `expected`, nudging it between
 * attempts (detailed boundaries or icons may still be arriving). Returns the tooltip's last text.
 * On a busy machine SwiftShader can take seconds to pick what is under the pointer: each attempt
 * waits up to 15 s for the tooltip before nudging again.
 */
export async function hoverUntilTooltip(page: Page, lonLat: LonLat, expected: string, timeout = 90_000): Promise<string> {
  const box = await mapBox(page);
  const tooltip = page.locator('[role=tooltip]');
  const deadline = Date.now() + timeout;
  let text = '';
  for (let attempt = 0; Date.now() < deadline && !text.includes(expected); attempt++) {
    await page.waitForSelector(MAP_READY, { timeout: READY_TIMEOUT });
    const point = await page.evaluate((position) => (globalThis as unknown as TestWindow).__terepMap?.project(position) ?? null, lonLat);
    if (!point) throw new Error('window.__terepMap is missing');
    const jitter = attempt % 2 === 0 ? 0 : 2;
    await page.mouse.move(box.x + point.x + jitter, box.y + point.y + jitter);
    try {
      await tooltip.filter({ hasText: expected }).waitFor({ state: 'visible', timeout: Math.min(15_000, Math.max(1_000, deadline - Date.now())) });
    } catch {
      // Not (yet) over it: nudge and try again.
    }
    text = (await tooltip.allInnerTexts()).join('\n');
  }
  return text;
}
