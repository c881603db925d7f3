import { isOrgLayerId, ORG_LAYER_IDS, type OrgLayerId } from './org-layer-types';

/** What the dashboard's address says about the organisation layers: `/?layers=institutions&import=12`. */
export interface LayerParams {
  layers: OrgLayerId[];
  /** An import to zoom to once its features are loaded. */
  importId: number | null;
}

export function parseLayerParams(search: URLSearchParams): LayerParams {
  const named = (search.get('layers') ?? '').split(',').map((value) => value.trim());
  const layers = ORG_LAYER_IDS.filter((id) => named.includes(id));
  const importText = search.get('import');
  const importId = importText && /^\d+$/.test(importText) ? Number(importText) : null;
  return { layers, importId };
}

/** The address with the shown layers in it (and without a one-off `import` focus). */
export function withLayerParams(url: URL, layers: Iterable<OrgLayerId>): URL {
  const next = new URL(url);
  const shown = ORG_LAYER_IDS.filter((id) => [...layers].includes(id));
  if (shown.length) next.searchParams.set('layers', shown.join(','));
  else next.searchParams.delete('layers');
  next.searchParams.delete('import');
  // Keep the list readable in the address bar: `layers=a,b`, not `layers=a%2Cb`.
  next.search = next.search.replace(/%2C/gi, ',');
  return next;
}

/** The dashboard with one layer on, zoomed to one import's features. */
export function mapLinkFor(layer: string, importId: number | null): string {
  const params = new URLSearchParams();
  if (isOrgLayerId(layer)) params.set('layers', layer);
  if (importId !== null) params.set('import', String(importId));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
