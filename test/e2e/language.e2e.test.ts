import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { utf8 } from '../src/org-fixtures.ts';
import { ARTIFACTS, baseUrl, describeInBrowser, importForSuite, READY_TIMEOUT, type BrowserSession } from './browser-session.ts';

/*
 * One language at a time (issue 10, item 9): every page in both languages, and after the typical
 * errors (an infeasible plan, a stop no van can serve, an import with errors), shows no word of
 * the other language in its visible text, its aria-labels, titles, placeholders and alt texts.
 * Words are checked against lists of words that are common in one language and never occur in
 * the other's UI text; proper nouns, units and codes are allowed explicitly.
 */

const TEST_TIMEOUT = 300_000;
type Locale = 'hu' | 'en';

/** Common English words that are no Hungarian words (so not "be", "is", "van", "has", "import"). */
const ENGLISH = new Set(`the and of to with are not for from this that these by or an it its was have can cannot
which new sites site exceed exceeds candidate candidates settlement settlements formulation start error errors failed load loading
data map search county counties district districts close open run plan plans route routes stop stops warehouse
warehouses imported source sources organisation population residents indicator indicators level year need needs
signal signals legend zoom please choose select file files row rows column columns value values number invalid unknown
no yes none all other more less than above below within reach time window before after capacity infeasible unsupported
solver method heuristic exact optimal distance distances straight line road network estimate total cost delivery pickup
should must could would will unexpected server request`.split(/\s+/));

/** Common Hungarian words that are no English words (so not "be", "is", "van", "de", "el"). */
const HUNGARIAN = new Set(`és az egy nem nincs vagy hogy meg már még csak ha mint fel
település települések vármegye megye járás járások forrás források hiba hibás betöltés térkép adatok adat szükséglet
szükségletek raktár raktárak megálló megállók útvonal útvonalak jármű járművek terv tervezés importálás sor sorok oszlop
érték értékek mutató mutatók lakos lakosok népesség kiválasztott töltse adja válassza kattintson kérjük keresés bezárás
mentés törlés megszakítás indítás számítás eredmény időablak kapacitás távolság összesen jelmagyarázat nyelv`.split(/\s+/));

/**
 * Allowed in either language: names of the map and data sources (the OpenStreetMap credit is its
 * licence wording), file formats, units, solver and coordinate system names.
 */
const ALLOWED = new Set(`openstreetmap contributors odbl maplibre highs glpk vns milp gpx csv xlsx excel geojson geopackage shapefile
km h min ft eov wgs epsg ksh terep`.split(/\s+/));

const OTHER_LANGUAGE: Record<Locale, Set<string>> = { hu: ENGLISH, en: HUNGARIAN };

/**
 * What a person reads or hears on the page: visible text (and the options of visible lists), the
 * title, and the accessible names of things. Elements marked with another `lang` (the language
 * switch's "English" button) are left out: they speak their own language on purpose; so are
 * literal values in `<code>` (the column headers a file may use).
 */
async function textsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = { tagName: string; parentElement: El | null; getAttribute(name: string): string | null; closest(selector: string): El | null; checkVisibility?(): boolean };
    const doc = (globalThis as unknown as {
      document: { title: string; documentElement: El; body: El; createTreeWalker(root: El, show: number): { nextNode(): { textContent: string | null; parentElement: El | null } | null }; querySelectorAll(selector: string): ArrayLike<El> };
    }).document;
    const pageLang = doc.documentElement.getAttribute('lang');
    const ownLanguage = (element: El): boolean => {
      const holder = element.closest('[lang]');
      return !holder || holder === doc.documentElement || holder.getAttribute('lang') === pageLang;
    };
    const visible = (element: El): boolean => {
      const shown = element.tagName === 'OPTION' || element.tagName === 'OPTGROUP' ? element.closest('select') : element;
      return Boolean(shown) && (shown!.checkVisibility ? shown!.checkVisibility() : true);
    };
    const texts = [doc.title];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // <code> shows literal values (a column header to write in a file), not UI text.
      if (parent && !parent.closest('script, style, code') && visible(parent) && ownLanguage(parent)) texts.push(node.textContent ?? '');
    }
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'label']) {
      const elements = doc.querySelectorAll(`[${attribute}]`);
      for (let index = 0; index < elements.length; index++) {
        const element = elements[index]!;
        if (ownLanguage(element)) texts.push(element.getAttribute(attribute) ?? '');
      }
    }
    return texts;
  });
}

/** The words of the other language on the page, each with the line it stands in. */
async function foreignWords(page: Page, locale: Locale): Promise<string[]> {
  const foreign = OTHER_LANGUAGE[locale];
  const found = new Set<string>();
  for (const text of await textsOf(page)) {
    for (const line of text.split('\n')) {
      for (const word of line.toLowerCase().match(/\p{L}+/gu) ?? []) {
        if (foreign.has(word) && !ALLOWED.has(word)) found.add(`"${word}" in: ${line.trim().slice(0, 160)}`);
      }
    }
  }
  return [...found];
}

async function openIn(session: BrowserSession, locale: Locale, path: string): Promise<Page> {
  const page = await session.newPage();
  await page.addInitScript((chosen) => (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('terep.locale', chosen), locale);
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForLoadState('networkidle', { timeout: READY_TIMEOUT });
  return page;
}

async function expectOneLanguage(page: Page, locale: Locale, what: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/language-${what.replace(/[^a-z0-9]+/gi, '-')}-${locale}.png` });
  expect(await foreignWords(page, locale), `${what} in ${locale}`).toEqual([]);
}

const WAREHOUSE = 'Nyelvi teszt (e2e)';
const VALIDATE_EN = 'Check';

describeInBrowser('one language at a time in Chromium', (session) => {
  importForSuite('language e2e test', [
    { kind: 'warehouses', fileName: 'raktar.csv', bytes: utf8(`név;lon;lat;kapacitás\n${WAREHOUSE};20.78;48.10;100\n`) },
    // 900 households in Cigánd: more parcels than any van holds, so the stop cannot be served.
    { kind: 'need-signals', fileName: 'jelzes.csv', bytes: utf8('KSH kód;kategória;háztartások;dátum;szervezet\n03939;élelmiszer;900;2025-10-01;Nyelvi teszt\n') },
  ]);

  for (const locale of ['hu', 'en'] as const) {
    it(
      `shows every page in ${locale} only`,
      async () => {
        for (const path of ['/', '/analysis', '/planning', '/logistics', '/import', '/donations', '/donations/offers', '/donations/requests', '/donations/allocation', '/donations/reports', '/donations/map']) {
          const page = await openIn(session, locale, path);
          await expectOneLanguage(page, locale, `page ${path}`);
        }
      },
      TEST_TIMEOUT,
    );

    it(
      `words an infeasible plan in ${locale}`,
      async () => {
        const page = await openIn(session, locale, '/planning');
        await page.locator('#plan-area').selectOption('11');
        await page.locator('#plan-p').fill('1000');
        await page.getByRole('button', { name: locale === 'hu' ? 'Tervezés indítása' : 'Run the plan' }).click();
        await page.locator('.run-error').waitFor({ timeout: READY_TIMEOUT });
        await expectOneLanguage(page, locale, 'infeasible plan');
      },
      TEST_TIMEOUT,
    );

    it(
      `words a stop no van can serve in ${locale}`,
      async () => {
        const page = await openIn(session, locale, '/logistics');
        await page.getByLabel(WAREHOUSE).check();
        await page.getByRole('button', { name: locale === 'hu' ? /Szükségletjelzésekből/ : /need signals/i }).click();
        await page.getByRole('button', { name: locale === 'hu' ? 'Útvonalak tervezése' : /Plan routes/i }).click();
        await page.getByTestId('unservable').waitFor({ timeout: READY_TIMEOUT });
        await expectOneLanguage(page, locale, 'unservable stop');
      },
      TEST_TIMEOUT,
    );

    it(
      `words an import with errors in ${locale}`,
      async () => {
        const page = await openIn(session, locale, '/import');
        await page.getByRole('radio', { name: locale === 'hu' ? /^Intézmények/ : /^Institutions/ }).check();
        await page.locator('#import-file').setInputFiles({
          name: 'hibas.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('Név;Típus;Település\nTeszt;Ismeretlen fajta;Nincsilyen falu\n'),
        });
        await page.getByRole('button', { name: locale === 'hu' ? 'Ellenőrzés' : VALIDATE_EN, exact: true }).click();
        await page.locator('section.report').waitFor({ timeout: READY_TIMEOUT });
        await expectOneLanguage(page, locale, 'import with errors');
      },
      TEST_TIMEOUT,
    );
  }
});
