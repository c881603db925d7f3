import type { RoutePlan } from './logistics-types';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const coordinate = (value: number) => value.toFixed(6);
const point = (tag: string, lon: number, lat: number, inner = '') => `<${tag} lat="${coordinate(lat)}" lon="${coordinate(lon)}">${inner}</${tag}>`;

export interface RouteGpxText {
  /** "Route 1 · Van 1", per route. */
  routeName: (index: number) => string;
  /** What a stop's description says: arrival, window, amounts. */
  stopDescription: (index: number, order: number) => string;
}

/**
 * The plan as GPX 1.1 for navigation devices: per route a `<rte>` of its depot and stops in
 * order (what to visit), then a `<trk>` of its road path (how to drive), as the schema orders them.
 */
export function routePlanGpx(plan: RoutePlan, text: RouteGpxText, created: Date): string {
  const routes = plan.routes.map((route, index) => {
    const stops = route.visits.map((visit, order) =>
      point('rtept', visit.place.lon, visit.place.lat, `<name>${escapeXml(`${order + 1}. ${visit.place.name}`)}</name><desc>${escapeXml(text.stopDescription(index, order))}</desc>`),
    );
    return [
      `  <rte><name>${escapeXml(text.routeName(index))}</name><number>${index + 1}</number>`,
      `    ${point('rtept', route.depot.lon, route.depot.lat, `<name>${escapeXml(route.depot.name)}</name><desc>${route.departure}</desc>`)}`,
      ...stops.map((stop) => `    ${stop}`),
      `    ${point('rtept', route.endDepot.lon, route.endDepot.lat, `<name>${escapeXml(route.endDepot.name)}</name><desc>${route.return}</desc>`)}`,
      '  </rte>',
    ].join('\n');
  });
  const tracks = plan.routes.map((route, index) =>
    [
      `  <trk><name>${escapeXml(text.routeName(index))}</name><number>${index + 1}</number><trkseg>`,
      ...route.path.map(([lon, lat]) => `    ${point('trkpt', lon, lat)}`),
      '  </trkseg></trk>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Terep" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
    `  <metadata><name>Terep</name><time>${created.toISOString()}</time></metadata>`,
    ...routes,
    ...tracks,
    '</gpx>',
    '',
  ].join('\n');
}
