import { Deck, type Layer } from '@deck.gl/core';
import { Map as MaplibreMap } from 'maplibre-gl';
import type { MapSnapshot } from './export-types';

/** The drawn map at the export's size, and the metres one of its pixels spans at its centre (for the scale bar). */
export interface RenderedMap {
  canvas: HTMLCanvasElement;
  metresPerPixel: number;
}

function waitFor(map: MaplibreMap, event: 'load' | 'idle'): Promise<void> {
  return new Promise((resolve, reject) => {
    map.once(event, () => resolve());
    map.once('error', (failure) => reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error))));
  });
}

/**
 * Draws a page's map again, off screen, at `width` × `height` device pixels: maplibre from the live
 * map's style, camera and feature states, then deck.gl's layers (fresh copies, since a layer belongs to
 * one deck) with the same view. `pixelRatio` scales lines, labels and symbols, so a 300 dpi print shows
 * the map as the screen does rather than a tiny one. The two canvases are merged into one.
 */
export async function renderMap(snapshot: MapSnapshot, size: { width: number; height: number; pixelRatio: number }, sameView: boolean): Promise<RenderedMap> {
  const cssWidth = size.width / size.pixelRatio;
  const cssHeight = size.height / size.pixelRatio;
  const host = document.createElement('div');
  // Off screen but laid out: WebGL draws only into a container with a size.
  Object.assign(host.style, { position: 'fixed', left: '-100000px', top: '0', width: `${cssWidth}px`, height: `${cssHeight}px`, pointerEvents: 'none' });
  document.body.append(host);
  const live = snapshot.map;
  const bounds = live.getBounds();
  let map: MaplibreMap | null = null;
  let deck: Deck | null = null;
  try {
    map = new MaplibreMap({
      container: host,
      style: live.getStyle(),
      ...(sameView
        ? { center: live.getCenter(), zoom: live.getZoom() }
        : { bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], fitBoundsOptions: { padding: 0 } }),
      pixelRatio: size.pixelRatio,
      interactive: false,
      attributionControl: false,
      maplibreLogo: false,
      fadeDuration: 0,
      renderWorldCopies: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    await waitFor(map, 'load');
    for (const entry of snapshot.featureStates) map.setFeatureState({ source: entry.source, sourceLayer: entry.sourceLayer, id: entry.id }, entry.state);
    // 'load' and the first 'idle' come in the same frame: ask for another and wait for its idle.
    const idle = waitFor(map, 'idle');
    map.triggerRepaint();
    await idle;

    const center = map.getCenter();
    const layers: Layer[] = snapshot.layers.map((layer) => layer.clone({}));
    const deckCanvas = await new Promise<HTMLCanvasElement>((resolve) => {
      deck = new Deck({
        parent: host,
        width: cssWidth,
        height: cssHeight,
        useDevicePixels: size.pixelRatio,
        controller: false,
        viewState: { longitude: center.lng, latitude: center.lat, zoom: map!.getZoom(), bearing: 0, pitch: 0 },
        layers,
        // Every layer loaded (icon atlases, fonts) and drawn: the canvas holds the whole overlay.
        onAfterRender: () => {
          if (deck && layers.every((layer) => layer.isLoaded)) resolve(deck.getCanvas() as HTMLCanvasElement);
        },
      });
    });

    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(map.getCanvas(), 0, 0, size.width, size.height);
    context.drawImage(deckCanvas, 0, 0, size.width, size.height);
    const middle = map.unproject([cssWidth / 2, cssHeight / 2]);
    const across = map.unproject([cssWidth / 2 + 100, cssHeight / 2]);
    return { canvas, metresPerPixel: middle.distanceTo(across) / (100 * size.pixelRatio) };
  } finally {
    (deck as Deck | null)?.finalize();
    map?.remove();
    host.remove();
  }
}
