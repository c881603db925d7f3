import type { Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Bbox, LonLat } from '$lib/api/contract';
import { createHungaryMap, MapChrome, type FitPadding } from './base-map';
import type { FeatureStateEntry, MapSnapshot } from '$lib/exports/export-types';
import { exposeMapForTests } from './map-test-hook';
import { buildThematicStyle, FEATURE_STATE, STYLE_LAYER, TILE_LAYER } from './thematic-style';

/** A settlement of the vector tiles under the pointer. */
export interface TileSettlement {
  code: string;
  name: string;
  population: number | null;
}

/** What the pointer is over: a deck.gl object (a point, a hexagon, a catchment) or a settlement polygon. */
export type MapHover = { x: number; y: number } & (
  | { kind: 'object'; layerId: string; object: unknown }
  | { kind: 'settlement'; settlement: TileSettlement }
);

/** A drag of a deck.gl object: `begin` decides whether the object under the pointer is draggable. */
export interface DragHandlers {
  layerId: string;
  begin: (object: unknown) => boolean;
  move: (lonLat: LonLat) => void;
  end: (lonLat: LonLat) => void;
}

/**
 * What a thematic map draws, as plain data: the page builds it from its state, the map's layer
 * builder (loaded lazily with deck.gl) turns it into layers.
 */
export interface ThematicScene {
  /** Names what is drawn; the ready flag carries it, so a test knows what became visible. */
  key: string;
  /** Settlement fills by KSH code (feature state on the vector tiles). */
  fills: ReadonlyMap<string, string> | null;
}

/** Turns a page's scene into deck.gl layers at a zoom. */
export type SceneLayerBuilder<S extends ThematicScene> = (scene: S, zoom: number) => Layer[];

export interface ThematicMapOptions<S extends ThematicScene> {
  container: HTMLElement;
  locale?: Record<string, string> | undefined;
  /** The scene drawn until the page sets one. */
  initialScene: S;
  buildLayers: SceneLayerBuilder<S>;
  /** The page's test hook: told the scene key once it is drawn, null while a new one is prepared. */
  markReady: (key: string | null) => void;
  onHover: (hover: MapHover | null) => void;
  onClick: (lonLat: LonLat, settlement: TileSettlement | null, hit: { layerId: string; object: unknown } | null) => void;
  /** After the map moved: its zoom (the hexagons' resolution follows it). */
  onZoom: (zoom: number) => void;
  /** False for a second map beside the page's own (a comparison): `window.__terepMap` stays the page's. */
  exposeForTests?: boolean;
}

const SOURCE = { settlements: 'settlements', needHeat: 'need-heat' } as const;

/** KSH settlement codes have five digits; a tile's feature id is the code as a number. */
const SETTLEMENT_CODE_DIGITS = 5;

/** The feature id of a settlement in the tiles (and its feature state): its KSH code as a number. */
function featureIdOf(code: string): number {
  return Number(code);
}

/** A settlement of the tiles. Up to zoom 6 a tile carries only the name (size budget): population is then unknown. */
function settlementOf(feature: { id?: string | number | undefined; properties: Record<string, unknown> } | undefined): TileSettlement | null {
  if (typeof feature?.id !== 'number') return null;
  const code = String(feature.id).padStart(SETTLEMENT_CODE_DIGITS, '0');
  const { name, population } = feature.properties;
  return { code, name: typeof name === 'string' ? name : code, population: typeof population === 'number' ? population : null };
}

/**
 * A map of settlements and what a page draws over them (analyses, plans): maplibre draws land and
 * settlements from the API's vector tiles (filled through feature state), deck.gl draws the
 * page's layers over it through a non-interleaved MapboxOverlay. It only draws what it is given.
 */
export class ThematicMap<S extends ThematicScene> {
  readonly map: MaplibreMap;
  readonly #overlay: MapboxOverlay;
  readonly #options: ThematicMapOptions<S>;
  #scene: S;
  #layers: Layer[] = [];
  #zoomTier = -1;
  #appliedFills: ReadonlyMap<string, string> | null = null;
  #selectedCode: string | null = null;
  readonly chrome: MapChrome;
  #drag: DragHandlers | null = null;
  #dragging = false;
  #awaitingReady = false;
  #generation = 0;
  /** Names of the settlements seen in loaded tiles (the whole country once the first view loaded). */
  readonly #names = new Map<string, string>();

  private constructor(map: MaplibreMap, options: ThematicMapOptions<S>) {
    this.map = map;
    this.#options = options;
    this.#scene = options.initialScene;
    this.chrome = new MapChrome(map);
    this.#overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => this.#checkReady(),
    });
    map.addControl(this.#overlay);
    map.on('mousemove', (event) => this.#handleMove(event));
    map.on('mouseout', () => options.onHover(null));
    map.on('mousedown', (event) => this.#handleDown(event));
    map.on('mouseup', (event) => this.#handleUp(event));
    map.on('click', (event) => this.#handleClick(event));
    map.on('idle', () => this.#collectNames());
    map.on('moveend', () => {
      options.onZoom(map.getZoom());
      const tier = Math.floor(map.getZoom());
      if (tier !== this.#zoomTier) this.#render();
    });
    if (options.exposeForTests !== false) exposeMapForTests(map);
    this.#awaitingReady = true;
    this.#render();
  }

  /** Creates the map and resolves once its style has loaded. */
  static async create<S extends ThematicScene>(options: ThematicMapOptions<S>): Promise<ThematicMap<S>> {
    const map = await createHungaryMap({ container: options.container, style: buildThematicStyle(window.location.origin), locale: options.locale });
    return new ThematicMap(map, options);
  }

  /** Draws a scene: settlement fills and deck.gl layers; the ready flag waits for both. */
  setScene(scene: S): void {
    if (scene === this.#scene) return;
    this.#scene = scene;
    if (scene.fills !== this.#appliedFills) this.#applyFills(scene.fills);
    this.#generation++;
    this.#awaitingReady = true;
    this.#options.markReady(null);
    this.#render();
  }

  /** The smooth need heatmap (maplibre's own heatmap layer), drawn under the deck.gl layers; null removes it. */
  setSmoothHeatmap(points: GeoJSON.FeatureCollection | null): void {
    const source = this.map.getSource(SOURCE.needHeat) as import('maplibre-gl').GeoJSONSource | undefined;
    if (!points) {
      if (this.map.getLayer(SOURCE.needHeat)) this.map.removeLayer(SOURCE.needHeat);
      if (source) this.map.removeSource(SOURCE.needHeat);
      return;
    }
    if (source) {
      source.setData(points);
      return;
    }
    const maxWeight = Math.max(1, ...points.features.map((feature) => Number(feature.properties?.weight ?? 0)));
    this.map.addSource(SOURCE.needHeat, { type: 'geojson', data: points });
    this.map.addLayer({
      id: SOURCE.needHeat,
      type: 'heatmap',
      source: SOURCE.needHeat,
      paint: {
        'heatmap-weight': ['interpolate', ['linear'], ['get', 'weight'], 0, 0, maxWeight, 1],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 6, 1, 11, 3],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 6, 18, 11, 40],
        'heatmap-opacity': 0.75,
        'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'],
          0, 'rgba(255,255,178,0)', 0.2, '#fed976', 0.4, '#feb24c', 0.6, '#fd8d3c', 0.8, '#f03b20', 1, '#bd0026'],
      },
    });
  }

  /** Outlines one settlement (the place a ranked table row flew to). */
  setSelectedCode(code: string | null): void {
    if (code === this.#selectedCode) return;
    const target = { source: SOURCE.settlements, sourceLayer: TILE_LAYER.settlements };
    if (this.#selectedCode) this.map.setFeatureState({ ...target, id: featureIdOf(this.#selectedCode) }, { [FEATURE_STATE.selected]: false });
    if (code) this.map.setFeatureState({ ...target, id: featureIdOf(code) }, { [FEATURE_STATE.selected]: true });
    this.#selectedCode = code;
  }

  /** Makes one deck.gl layer's objects draggable (warehouses in a what-if); null turns it off. */
  setDragHandlers(handlers: DragHandlers | null): void {
    this.#drag = handlers;
  }

  setCursor(cursor: '' | 'crosshair'): void {
    this.map.getCanvas().style.cursor = cursor;
  }

  /** A settlement's name from the tiles seen so far; the code when unknown. */
  nameOf(code: string): string {
    return this.#names.get(code) ?? code;
  }

  fitBbox(bbox: Bbox, options: { maxZoom?: number; padding?: FitPadding } = {}): void {
    this.chrome.fitBbox(bbox, { maxZoom: options.maxZoom ?? 11, padding: options.padding });
  }

  get zoom(): number {
    return this.map.getZoom();
  }

  /** What an export needs to draw this map again at another size: the settlement fills are feature states, not style. */
  snapshot(): MapSnapshot {
    const target = { source: SOURCE.settlements, sourceLayer: TILE_LAYER.settlements };
    const featureStates: FeatureStateEntry[] = [...(this.#appliedFills ?? [])].map(([id, color]) => ({ ...target, id, state: { [FEATURE_STATE.fill]: color } }));
    if (this.#selectedCode) featureStates.push({ ...target, id: this.#selectedCode, state: { [FEATURE_STATE.selected]: true } });
    return { map: this.map, layers: this.#layers, featureStates };
  }

  destroy(): void {
    if (this.#options.exposeForTests !== false) exposeMapForTests(undefined);
    this.#options.markReady(null);
    this.map.removeControl(this.#overlay);
    this.#overlay.finalize();
    this.map.remove();
  }

  #applyFills(fills: ReadonlyMap<string, string> | null): void {
    const target = { source: SOURCE.settlements, sourceLayer: TILE_LAYER.settlements };
    const previous = this.#appliedFills;
    if (previous) {
      for (const code of previous.keys()) {
        if (!fills?.has(code)) this.map.setFeatureState({ ...target, id: featureIdOf(code) }, { [FEATURE_STATE.fill]: null });
      }
    }
    if (fills) {
      for (const [code, color] of fills) {
        if (previous?.get(code) !== color) this.map.setFeatureState({ ...target, id: featureIdOf(code) }, { [FEATURE_STATE.fill]: color });
      }
    }
    this.#appliedFills = fills;
  }

  #render(): void {
    this.#zoomTier = Math.floor(this.map.getZoom());
    this.#layers = this.#options.buildLayers(this.#scene, this.map.getZoom());
    this.#overlay.setProps({ layers: this.#layers });
    this.map.triggerRepaint();
  }

  /** Ready once deck.gl drew every layer of the scene and maplibre went idle (tiles and fills). */
  #checkReady(): void {
    if (!this.#awaitingReady) return;
    if (!this.#layers.every((layer) => layer.isLoaded)) return;
    this.#awaitingReady = false;
    const generation = this.#generation;
    const key = this.#scene.key;
    this.map.once('idle', () => {
      if (generation === this.#generation) this.#options.markReady(key);
    });
    this.map.triggerRepaint();
  }

  #pick(x: number, y: number, layerIds?: string[]): PickingInfo | null {
    const info = this.#overlay.pickObject({ x, y, radius: 4, layerIds });
    return info?.object ? info : null;
  }

  #settlementAt(event: MapMouseEvent): TileSettlement | null {
    const [feature] = this.map.queryRenderedFeatures(event.point, { layers: [STYLE_LAYER.settlementFill] });
    return settlementOf(feature);
  }

  #handleMove(event: MapMouseEvent): void {
    if (this.#dragging && this.#drag) {
      this.#drag.move([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    const { x, y } = event.point;
    const info = this.#pick(x, y);
    if (info?.layer) {
      this.map.getCanvas().style.cursor = this.#drag && info.layer.id === this.#drag.layerId ? 'grab' : 'pointer';
      this.#options.onHover({ x, y, kind: 'object', layerId: info.layer.id, object: info.object });
      return;
    }
    if (this.map.getCanvas().style.cursor !== 'crosshair') this.map.getCanvas().style.cursor = '';
    const settlement = this.#settlementAt(event);
    this.#options.onHover(settlement ? { x, y, kind: 'settlement', settlement } : null);
  }

  #handleDown(event: MapMouseEvent): void {
    const drag = this.#drag;
    if (!drag) return;
    const info = this.#pick(event.point.x, event.point.y, [drag.layerId]);
    if (!info || !drag.begin(info.object)) return;
    // Keep maplibre from panning while the object follows the pointer.
    event.preventDefault();
    this.map.dragPan.disable();
    this.#dragging = true;
    this.map.getCanvas().style.cursor = 'grabbing';
  }

  #handleUp(event: MapMouseEvent): void {
    if (!this.#dragging) return;
    this.#dragging = false;
    this.map.dragPan.enable();
    this.map.getCanvas().style.cursor = '';
    this.#drag?.end([event.lngLat.lng, event.lngLat.lat]);
    this.#suppressClick = true;
  }

  #suppressClick = false;

  #handleClick(event: MapMouseEvent): void {
    if (this.#suppressClick) {
      this.#suppressClick = false;
      return;
    }
    const info = this.#pick(event.point.x, event.point.y);
    this.#options.onClick(
      [event.lngLat.lng, event.lngLat.lat],
      this.#settlementAt(event),
      info?.layer ? { layerId: info.layer.id, object: info.object } : null,
    );
  }

  #collectNames(): void {
    for (const feature of this.map.querySourceFeatures(SOURCE.settlements, { sourceLayer: TILE_LAYER.settlements })) {
      const settlement = settlementOf(feature);
      if (settlement && !this.#names.has(settlement.code)) this.#names.set(settlement.code, settlement.name);
    }
  }
}
