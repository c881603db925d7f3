import { isOrgLayerId } from './org-layer-types';

/** The dashboard with one layer on, zoomed to one import's features. */
export function mapLinkFor(layer: string, importId: number | null): string {
  const params = new URLSearchParams();
  if (isOrgLayerId(layer)) params.set('layers', layer);
  if (importId !== null) params.set('import', String(importId));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
