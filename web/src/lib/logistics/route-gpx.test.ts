import { describe, expect, it } from 'vitest';
import { PLAN_FIXTURE } from './route-plan.fixture';
import { routePlanGpx } from './route-gpx';

const text = { routeName: (index: number) => `${index + 1}. útvonal`, stopDescription: (_: number, order: number) => `stop <${order + 1}> & more` };

describe('routePlanGpx', () => {
  const gpx = routePlanGpx(PLAN_FIXTURE, text, new Date('2026-11-24T08:00:00Z'));

  it('is GPX 1.1 with routes before tracks, as the schema orders them', () => {
    expect(gpx.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Terep" xmlns="http://www.topografix.com/GPX/1/1"')).toBe(true);
    expect(gpx).toContain('<metadata><name>Terep</name><time>2026-11-24T08:00:00.000Z</time></metadata>');
    expect(gpx.indexOf('<rte>')).toBeLessThan(gpx.indexOf('<trk>'));
    expect(gpx.trimEnd().endsWith('</gpx>')).toBe(true);
  });

  it('lists the depot, the stops in order and the depot again, and the road path as a track', () => {
    const routePoints = [...gpx.matchAll(/<rtept lat="([\d.]+)" lon="([\d.]+)"><name>([^<]*)<\/name>/g)].map((match) => [match[3], Number(match[2]), Number(match[1])]);
    expect(routePoints).toEqual([
      ['Miskolci raktár', 20.6994, 48.09281],
      ['1. Sajószentpéter', 20.7108, 48.2184],
      ['2. Családsegítő &quot;Remény&quot;; Kazincbarcika', 20.6236, 48.2509],
      ['Miskolci raktár', 20.6994, 48.09281],
    ]);
    expect(gpx.match(/<trkpt /g)).toHaveLength(PLAN_FIXTURE.routes[0]!.path.length);
    expect(gpx).toContain('<desc>stop &lt;1&gt; &amp; more</desc>');
  });

  it('balances every element', () => {
    for (const tag of ['gpx', 'rte', 'rtept', 'trk', 'trkseg', 'trkpt', 'name', 'desc']) {
      const opened = gpx.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
      const closed = gpx.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      expect(closed, tag).toBe(opened);
    }
  });
});
