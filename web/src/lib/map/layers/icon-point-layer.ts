import { IconLayer } from '@deck.gl/layers';
import type { LonLat } from '$lib/api/contract';

/** One icon image: deck.gl packs each distinct `id` into its atlas once. */
export interface IconSpec {
  id: string;
  /** A URL deck.gl can load; Terep uses inline SVG data URLs (no remote assets). */
  url: string;
  width: number;
  height: number;
  /** Vertical anchor in image pixels (the middle for round markers). */
  anchorY: number;
  /** False: the image's own colours are drawn. */
  mask: boolean;
}

export interface IconPointLayerProps<T> {
  id: string;
  data: readonly T[];
  getPosition: (item: T) => LonLat;
  getIcon: (item: T) => IconSpec;
  sizePixels: number;
  /** Changes whenever `getIcon` would answer differently. */
  iconKey?: string;
  /** Shift from the point in screen pixels, [right, down] (icons stacked at one place are spread). */
  getPixelOffset?: (item: T) => [number, number];
  /** Changes whenever `getPixelOffset` would answer differently. */
  offsetKey?: string;
}

/** Point symbols drawn as icons (institutions by type, warehouses), pickable for tooltips. */
export function createIconPointLayer<T>(props: IconPointLayerProps<T>): IconLayer<T> {
  return new IconLayer<T>({
    id: props.id,
    data: props.data as T[],
    getPosition: (item) => props.getPosition(item),
    getIcon: (item) => props.getIcon(item),
    getSize: props.sizePixels,
    sizeUnits: 'pixels',
    // Icons do not scale with the map; keep them crisp on high-density screens.
    sizeMinPixels: props.sizePixels,
    pickable: true,
    alphaCutoff: 0.05,
    getPixelOffset: props.getPixelOffset ? (item: T) => props.getPixelOffset!(item) : [0, 0],
    updateTriggers: { getIcon: props.iconKey ?? '', getPixelOffset: props.offsetKey ?? '' },
  });
}
