import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { apiFetch, describeInBrowser, fitMap, MAP_PAGES, mapBox, READY_TIMEOUT } from './browser-session.ts';
import type { BrowserElement, BrowserGlobals } from './browser-globals.ts';
import { decodePng } from './png-pixels.ts';

/*
 * Nothing may cover what a person must reach: every control of every map page is clicked where it
 * is drawn, and a grid of points over Hungary's land must reach the map itself (an invisible box
 * once swallowed the clicks over Zala and Vas and the dashboard's layer checkboxes).
 */

const TEST_TIMEOUT = 300_000;
const CONTROLS = 'button, input:not([type=hidden]), select, textarea, a[href], [role=radio], [role=checkbox], [role=tab], [role=slider]';
/** What may legitimately stand over the map: the panels, legends, pills and controls themselves. */
const OVERLAYS = '.map-area .panel, .layer-panel, .legend, .map-legend, .playback, .loading-pill, .problem, [role=tooltip], [role=alert], .maplibregl-ctrl';

interface Covered {
  control: string;
  hit: string;
}

/**
 * Each visible control, scrolled into view: the element at its centre must be the control, inside
 * it, or its label (a styled radio shows its label); then it is clicked. Checkboxes are really
 * clicked twice (on, then back); the rest get Playwright's trial click, which performs every check
 * of a click (visible, stable, enabled, receiving the pointer at that point) without its effect,
 * so links do not navigate away and buttons start no solver run nor delete anything.
 */
async function clickEveryControl(page: Page): Promise<{ covered: Covered[]; clicked: number }> {
  const controls = page.locator(CONTROLS);
  const covered: Covered[] = [];
  let clicked = 0;
  const count = await controls.count();
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    if (!(await control.isVisible().catch(() => false))) continue;
    await control.scrollIntoViewIfNeeded({ timeout: 5_000 });
    const verdict = await control.evaluate((node) => {
      const element = node as unknown as BrowserElement;
      const { document } = globalThis as unknown as BrowserGlobals;
      const box = element.getBoundingClientRect();
      const describe = (node: BrowserElement | null) =>
        node ? `${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}` : 'nothing';
      const name = `${describe(element)} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`;
      // Visually hidden inputs (a segmented radio shows its label instead) are reached through their label.
      if (box.width < 4 || box.height < 4) return { tiny: true, name, hit: '', ok: true, disabled: false, kind: '' };
      // A link wrapping over two lines has two boxes: the centre of its bounding box may lie on the text between them.
      const parts = Array.from(element.getClientRects());
      const part = parts.reduce((largest, rect) => (rect.width * rect.height > largest.width * largest.height ? rect : largest), parts[0] ?? box);
      const hit = document.elementFromPoint(part.left + part.width / 2, part.top + part.height / 2);
      const labels = element.labels ? Array.from(element.labels) : [];
      const ok = hit !== null && (hit === element || element.contains(hit) || labels.some((label) => label.contains(hit)));
      const kind = element.tagName === 'INPUT' ? (element.type ?? 'text') : element.tagName.toLowerCase();
      return { tiny: false, name, hit: describe(hit), ok, disabled: element.disabled === true, kind };
    });
    if (verdict.tiny) continue;
    if (!verdict.ok) {
      covered.push({ control: verdict.name, hit: verdict.hit });
      continue;
    }
    if (verdict.disabled) continue;
    if (verdict.kind === 'checkbox') {
      // Switching a map layer on draws it first (seconds of software WebGL): allow for that.
      await control.click({ timeout: 60_000 });
      await control.click({ timeout: 60_000 });
    } else {
      await control.click({ trial: true, timeout: 10_000 });
    }
    clicked++;
  }
  return { covered, clicked };
}

/** Outer rings of the counties (GeoJSON from the API), to tell land from the rest of the map. */
async function countyRings(): Promise<number[][][]> {
  const response = await apiFetch(`/api/layers/counties?zoom=6`);
  const collection = (await response.json()) as { features: { geometry: { type: string; coordinates: unknown } }[] };
  return collection.features.flatMap((feature) =>
    feature.geometry.type === 'Polygon'
      ? [(feature.geometry.coordinates as number[][][])[0]!]
      : (feature.geometry.coordinates as number[][][][]).map((polygon) => polygon[0]!),
  );
}

/** Even-odd ray casting: enough to keep grid points on land. */
function insideRing(point: [number, number], ring: number[][]): boolean {
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[previous]!;
    if (y1! > point[1] !== y2! > point[1] && point[0] < ((x2! - x1!) * (point[1] - y1!)) / (y2! - y1!) + x1!) inside = !inside;
  }
  return inside;
}

/** A lattice over Hungary (about 0.45° apart), kept where it falls on land. */
async function landGrid(): Promise<[number, number][]> {
  const rings = await countyRings();
  const points: [number, number][] = [];
  for (let lon = 16.3; lon <= 22.8; lon += 0.45) {
    for (let lat = 45.8; lat <= 48.5; lat += 0.3) {
      const point: [number, number] = [Number(lon.toFixed(2)), Number(lat.toFixed(2))];
      if (rings.some((ring) => insideRing(point, ring))) points.push(point);
    }
  }
  return points;
}

interface GridPoint {
  lonLat: [number, number];
  x: number;
  y: number;
  hit: string;
  underOverlay: boolean;
}

/** Where each land point falls on screen, what the element there is, and whether a real panel stands there. */
async function probeGrid(page: Page, points: [number, number][]): Promise<GridPoint[]> {
  return page.evaluate(
    ({ points, overlays }) => {
      const { document, __terepMap: map } = globalThis as unknown as BrowserGlobals;
      const origin = map.getContainer().getBoundingClientRect();
      const panels = Array.from(document.querySelectorAll(overlays)).map((element) => element.getBoundingClientRect());
      return points.flatMap((lonLat) => {
        const projected = map.project(lonLat);
        const x = origin.left + projected.x;
        const y = origin.top + projected.y;
        if (x < origin.left + 2 || y < origin.top + 2 || x > origin.right - 2 || y > origin.bottom - 2) return [];
        const hit = document.elementFromPoint(x, y);
        const underOverlay = panels.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom);
        return [{ lonLat, x, y, hit: hit ? `${hit.tagName.toLowerCase()}.${String(hit.className).split(' ')[0]}` : 'nothing', underOverlay }];
      });
    },
    { points, overlays: OVERLAYS },
  );
}

describeInBrowser('reachability of every control and of the map', (session) => {
  for (const { path } of MAP_PAGES) {
    it(
      `${path}: every control can be clicked where it is drawn`,
      async () => {
        const page = await session.openPage(path);
        const { covered, clicked } = await clickEveryControl(page);
        expect(covered, `controls covered by another element on ${path}`).toEqual([]);
        expect(clicked, `controls clicked on ${path}`).toBeGreaterThan(8);
        expect(session.pageErrors(page)).toEqual([]);
      },
      TEST_TIMEOUT,
    );

    it(
      `${path}: the map is the top element over Hungary's land, wherever no panel stands`,
      async () => {
        const page = await session.openPage(path);
        const grid = (await probeGrid(page, await landGrid())).filter((point) => !point.underOverlay);
        expect(grid.length, 'land points in the open').toBeGreaterThan(15);
        const blocked = grid.filter((point) => point.hit !== 'canvas.maplibregl-canvas');
        expect(blocked.map((point) => `${point.lonLat.join(',')} → ${point.hit}`)).toEqual([]);
      },
      TEST_TIMEOUT,
    );
  }

  it(
    '/: hovering the land anywhere in the open answers with the settlement there',
    async () => {
      const page = await session.openPage('/');
      const grid = (await probeGrid(page, await landGrid())).filter((point) => !point.underOverlay);
      // Zala and Vas (the west, below the layer panel) were dead; every fifth point elsewhere keeps the run short.
      const west = grid.filter((point) => point.lonLat[0] < 17.4);
      const sample = [...west, ...grid.filter((point, index) => point.lonLat[0] >= 17.4 && index % 5 === 0)];
      expect(west.length, 'points over Zala and Vas').toBeGreaterThan(2);
      const silent: string[] = [];
      let previous = '';
      for (const point of sample) {
        await page.mouse.move(point.x, point.y);
        // Neighbouring points lie about 35 km apart, in different settlements: each must name its own.
        const answered = await page
          .waitForFunction(
            (before) => {
              const { document } = globalThis as unknown as BrowserGlobals;
              const text = document.querySelector('[role=tooltip]')?.textContent?.trim() ?? '';
              return text !== '' && text !== before ? text : null;
            },
            previous,
            { timeout: 15_000 },
          )
          .then((handle) => handle.jsonValue() as Promise<string>)
          .catch(() => null);
        if (answered) previous = answered;
        else silent.push(point.lonLat.join(','));
      }
      expect(silent, 'points where hovering showed nothing').toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    '/: the zoom buttons stay drawn above the choropleth when zoomed in',
    async () => {
      const page = await session.openPage('/');
      // Miskolc fills the whole map at this zoom: dark choropleth colours everywhere under the buttons.
      await fitMap(page, [20.7, 48.05, 20.85, 48.15], 0);
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: READY_TIMEOUT });
      for (const selector of ['.maplibregl-ctrl-zoom-in', '.maplibregl-ctrl-zoom-out']) {
        const box = await page.locator(selector).boundingBox();
        if (!box) throw new Error(`${selector} is not drawn`);
        const pixels = decodePng(await page.screenshot({ clip: { x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4 } }));
        let light = 0;
        for (let index = 0; index < pixels.rgba.length; index += 4) {
          if (pixels.rgba[index]! > 200 && pixels.rgba[index + 1]! > 200 && pixels.rgba[index + 2]! > 200) light++;
        }
        // The button is white with a dark glyph; under the choropleth it would be red or orange.
        expect(light / (pixels.width * pixels.height), `${selector}: share of its white face`).toBeGreaterThan(0.6);
      }
      const box = await mapBox(page);
      expect(box.width).toBeGreaterThan(0);
    },
    TEST_TIMEOUT,
  );
});
