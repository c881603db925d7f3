import type { MapHover } from '$lib/map/thematic-map';
import { LOGISTICS_LAYER_ID } from './logistics-layer-ids';
import { tl } from './logistics-messages';
import type { DrawnDepot, DrawnRoute, DrawnStop } from './logistics-scene';

export interface LogisticsTooltip {
  title: string;
  subtitle: string;
  value: string | null;
  rows: { label: string; value: string }[];
}

/** What the pointer shows over the route map: a stop's arrival and amount, a route's van, a depot, or a settlement while picking. */
export function describeLogisticsHover(hover: MapHover, picking: boolean): LogisticsTooltip | null {
  if (hover.kind === 'settlement') return picking ? { title: hover.settlement.name, subtitle: tl('logistics.stops.pickOnMap'), value: null, rows: [] } : null;
  if (hover.layerId === LOGISTICS_LAYER_ID.stops) {
    const stop = hover.object as DrawnStop;
    const rows = [{ label: tl('logistics.tooltip.delivery'), value: String(stop.delivery) }];
    if (stop.arrival) rows.unshift({ label: tl('logistics.tooltip.arrival'), value: stop.arrival });
    return {
      title: stop.name,
      subtitle: stop.route !== null ? `${tl('logistics.tooltip.route')} ${stop.route} · ${stop.order}.` : stop.unserved ? tl('logistics.legend.unserved') : tl('logistics.tooltip.stop'),
      value: null,
      rows,
    };
  }
  if (hover.layerId === LOGISTICS_LAYER_ID.routes) {
    const route = hover.object as DrawnRoute;
    return { title: tl('logistics.result.route', { number: route.index + 1, vehicle: route.name }), subtitle: tl('logistics.tooltip.route'), value: null, rows: [] };
  }
  if (hover.layerId === LOGISTICS_LAYER_ID.depots) {
    return { title: (hover.object as DrawnDepot).name, subtitle: tl('logistics.tooltip.depot'), value: null, rows: [] };
  }
  return null;
}
