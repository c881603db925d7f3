import { AttributionControl, Map as MaplibreMap, NavigationControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Attribution, Bbox, Locale } from '$lib/api/contract';
import { attributionHtml } from './attribution';
import { HUNGARY_BBOX, MAX_BOUNDS } from './bbox';

// maplibre 6 bundled by Vite cannot find its worker by itself.
setWorkerUrl(workerUrl);

const DEFAULT_CONTROL_LABELS: Record<string, string> = {
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
};
const CONTROL_BUTTONS: ReadonlyArray<[string, string]> = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
];

export type FitPadding = Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>;

/**
 * Creates a flat, unrotatable map of Hungary (every page's map is one) and
 * resolves once its style has loaded, with zoom buttons added.
 */
export function createHungaryMap(options: { container: HTMLElement; style: StyleSpecification; locale?: Record<string, string> | undefined }): Promise<MaplibreMap> {
  return new Promise((resolve, reject) => {
    let map: MaplibreMap;
    try {
      map = new MaplibreMap({
        container: options.container,
        style: options.style,
        bounds: HUNGARY_BBOX,
        fitBoundsOptions: { padding: 24 },
        maxBounds: [
          [MAX_BOUNDS[0], MAX_BOUNDS[1]],
          [MAX_BOUNDS[2], MAX_BOUNDS[3]],
        ],
        minZoom: 5,
        maxZoom: 14,
        attributionControl: false,
        maplibreLogo: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        locale: options.locale,
      });
    } catch (error) {
      reject(error);
      return;
    }
    map.once('load', () => {
      map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
      resolve(map);
    });
    map.once('error', (event) => {
      if (!map.loaded()) reject(event.error);
    });
  });
}

/** The parts of a map every page handles alike: source attributions, control labels, zooming to a box. */
export class MapChrome {
  readonly #map: MaplibreMap;
  #attribution: AttributionControl | null = null;
  #attributionKey = '';

  constructor(map: MaplibreMap) {
    this.#map = map;
  }

  /** Lists every source in view; re-adds the control because it only reads its options once. */
  setAttributions(attributions: readonly Attribution[], locale: Locale): void {
    const html = attributionHtml(attributions, locale);
    const key = html.join('|');
    if (key === this.#attributionKey) return;
    this.#attributionKey = key;
    if (this.#attribution) this.#map.removeControl(this.#attribution);
    this.#attribution = new AttributionControl({ compact: false, customAttribution: html });
    this.#map.addControl(this.#attribution, 'bottom-right');
  }

  /** Updates the zoom buttons' labels (maplibre reads its locale only at creation). */
  setControlLocale(locale: Record<string, string> | undefined): void {
    const labels = { ...DEFAULT_CONTROL_LABELS, ...locale };
    const container = this.#map.getContainer();
    for (const [selector, key] of CONTROL_BUTTONS) {
      const button = container.querySelector<HTMLButtonElement>(selector);
      const label = labels[key];
      if (button && label) {
        button.title = label;
        button.setAttribute('aria-label', label);
      }
    }
  }

  /** Zooms to a box; `padding` keeps it clear of panels drawn over the map (pixels per side). */
  fitBbox(bbox: Bbox, options: { maxZoom: number; padding?: FitPadding | undefined }): void {
    this.#map.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: { top: 48, right: 48, bottom: 48, left: 48, ...options.padding }, maxZoom: options.maxZoom, duration: 800 },
    );
  }
}
