import type { Map as MaplibreMap, GeoJSONSource } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Bbox, UnitLevel } from '$lib/api/contract';
import type { Rgba } from '$lib/indicators/color-scale';
import { BASEMAP_SOURCE, buildBasemapStyle } from './basemap-style';
import { createHungaryMap, MapChrome, type FitPadding } from './base-map';
import { labelPointsOf, settlementLabelMinPopulation, type LabelPoint } from './label-points';
import { createBoundaryLayer } from './layers/boundary-layer';
import { createChoroplethLayer } from './layers/choropleth-layer';
import { createLabelLayer } from './layers/label-layer';
import { exposeMapForTests, markMapReady } from './map-test-hook';
import { buildOrganisationLayers, organisationHitOf, type OrganisationLayersView } from './organisation-layers';
import type { OrgHit } from '$lib/org-layers/org-layer-types';
import type { MapViewport, UnitCollection, UnitFeature, UnitProperties } from './unit-layer-types';
import type { MapSnapshot } from '$lib/exports/export-types';

/** What the choropleth shows: the units of one level and the colour of each. */
export interface ChoroplethView {
  level: UnitLevel;
  features: readonly UnitFeature[];
  colorOf: (code: string) => Rgba;
  /** Changes whenever `colorOf` answers differently. */
  colorKey: string;
}

/** What the pointer is over: a unit of the choropleth or a feature of the organisations' data. */
export type MapHover = {
  /** Pixel position inside the map container. */
  x: number;
  y: number;
} & ({ kind: 'unit'; unit: UnitProperties; level: UnitLevel } | { kind: 'organisation'; hit: OrgHit });

export interface DashboardMapOptions {
  container: HTMLElement;
  counties: UnitCollection;
  onHover: (hover: MapHover | null) => void;
  onUnitClick: (unit: UnitProperties | null, level: UnitLevel | null) => void;
  onViewportChange: (viewport: MapViewport) => void;
  /** maplibre UI strings (control tooltips) in the UI language. */
  locale?: Record<string, string>;
  /** False for a second map beside the page's own (a comparison): the test hooks stay the page's map's. */
  exposeForTests?: boolean;
  /** Told when the map has drawn what it shows (true) or starts drawing something new (false). */
  onDrawn?: (drawn: boolean) => void;
}

const LAYER_ID = {
  choropleth: 'choropleth',
  districtBorders: 'district-borders',
  countyBorders: 'county-borders',
  selection: 'selection',
  countyLabels: 'county-labels',
  unitLabels: 'unit-labels',
} as const;

const STYLE = {
  choroplethLine: [255, 255, 255, 120] as Rgba,
  choroplethLineCoarse: [255, 255, 255, 200] as Rgba,
  highlight: [255, 255, 255, 110] as Rgba,
  districtBorder: [70, 78, 90, 150] as Rgba,
  countyBorder: [45, 52, 64, 220] as Rgba,
  selection: [15, 23, 42, 255] as Rgba,
  labelText: [30, 36, 46, 255] as Rgba,
  labelHalo: [255, 255, 255, 230] as Rgba,
};

/** Zoom from which district borders and unit names are drawn over settlements. */
const DETAIL_ZOOM = 8;

function viewportOf(map: MaplibreMap): MapViewport {
  const bounds = map.getBounds();
  return { zoom: map.getZoom(), bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] };
}

/**
 * The dashboard map: a maplibre basemap built from the project's boundaries, with the
 * deck.gl choropleth, borders and labels drawn over it by a non-interleaved MapboxOverlay.
 * It only draws what it is given; fetching and state live elsewhere.
 */
export class DashboardMap {
  readonly map: MaplibreMap;
  readonly #overlay: MapboxOverlay;
  readonly #options: DashboardMapOptions;
  readonly #countyLabels: LabelPoint[];
  readonly chrome: MapChrome;
  #choropleth: ChoroplethView | null = null;
  #choroplethLayer: Layer | null = null;
  #layers: Layer[] = [];
  #unitLabels: { features: readonly UnitFeature[]; level: UnitLevel; points: LabelPoint[] } | null = null;
  #districts: UnitCollection | null = null;
  #organisation: OrganisationLayersView | null = null;
  #selectedCode: string | null = null;
  #zoomTier = '';
  #awaitingReady = false;
  #readyGeneration = 0;

  private constructor(map: MaplibreMap, options: DashboardMapOptions) {
    this.map = map;
    this.#options = options;
    this.#countyLabels = labelPointsOf(options.counties.features);
    this.chrome = new MapChrome(map);
    this.#overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onHover: (info) => this.#handleHover(info),
      onClick: (info) => this.#handleClick(info),
      onAfterRender: () => this.#checkReady(),
    });
    map.addControl(this.#overlay);
    map.on('moveend', () => {
      const tier = this.#tierOf(map.getZoom());
      if (tier !== this.#zoomTier) {
        this.#zoomTier = tier;
        this.#render();
      }
      options.onViewportChange(viewportOf(map));
    });
    this.#zoomTier = this.#tierOf(map.getZoom());
    if (options.exposeForTests !== false) exposeMapForTests(map);
  }

  /** Creates the map and resolves once its style has loaded. */
  static async create(options: DashboardMapOptions): Promise<DashboardMap> {
    const map = await createHungaryMap({ container: options.container, style: buildBasemapStyle(options.counties), locale: options.locale });
    return new DashboardMap(map, options);
  }

  get viewport(): MapViewport {
    return viewportOf(this.map);
  }

  setChoropleth(view: ChoroplethView | null): void {
    if (view === this.#choropleth) return;
    this.#choropleth = view;
    if (view) {
      this.#awaitingReady = true;
      this.#readyGeneration++;
      this.#markReady(false);
    }
    this.#render();
  }

  /** District borders, drawn over settlements when zoomed in. */
  setDistricts(districts: UnitCollection | null): void {
    if (districts === this.#districts) return;
    this.#districts = districts;
    const source = this.map.getSource<GeoJSONSource>(BASEMAP_SOURCE.districts);
    source?.setData(districts ?? { type: 'FeatureCollection', features: [] });
    this.#render();
  }

  /** The organisations' own layers (institutions, warehouses, segregated areas, need signals). */
  setOrganisationLayers(view: OrganisationLayersView | null): void {
    if (view === this.#organisation) return;
    this.#organisation = view;
    this.#render();
  }

  setSelectedCode(code: string | null): void {
    if (code === this.#selectedCode) return;
    this.#selectedCode = code;
    this.#render();
  }

  fitBbox(bbox: Bbox, options: { maxZoom?: number; padding?: FitPadding } = {}): void {
    this.chrome.fitBbox(bbox, { maxZoom: options.maxZoom ?? 12, padding: options.padding });
  }

  destroy(): void {
    if (this.#options.exposeForTests !== false) exposeMapForTests(undefined);
    this.#markReady(false);
    this.map.removeControl(this.#overlay);
    this.#overlay.finalize();
    this.map.remove();
  }

  #markReady(drawn: boolean): void {
    if (this.#options.exposeForTests !== false) markMapReady(drawn);
    this.#options.onDrawn?.(drawn);
  }

  #tierOf(zoom: number): string {
    return `${zoom >= DETAIL_ZOOM}|${settlementLabelMinPopulation(zoom)}`;
  }

  #labelsFor(view: ChoroplethView): LabelPoint[] {
    const cached = this.#unitLabels;
    if (cached && cached.features === view.features && cached.level === view.level) return cached.points;
    const points = labelPointsOf(view.features, (feature) => feature.properties.population ?? 0);
    this.#unitLabels = { features: view.features, level: view.level, points };
    return points;
  }

  #render(): void {
    const zoom = this.map.getZoom();
    const detailed = zoom >= DETAIL_ZOOM;
    const view = this.#choropleth;
    const layers: Layer[] = [];

    this.#choroplethLayer = null;
    if (view) {
      const colorOf = view.colorOf;
      const layer = createChoroplethLayer({
        id: LAYER_ID.choropleth,
        features: view.features,
        getFillColor: (feature) => colorOf(feature.properties.code),
        colorKey: view.colorKey,
        lineColor: view.level === 'settlement' ? STYLE.choroplethLine : STYLE.choroplethLineCoarse,
        lineWidthPixels: view.level === 'settlement' ? 0.5 : 1,
        highlightColor: STYLE.highlight,
      });
      this.#choroplethLayer = layer;
      layers.push(layer);
    }

    if (this.#districts && detailed && view?.level === 'settlement') {
      layers.push(
        createBoundaryLayer({
          id: LAYER_ID.districtBorders,
          features: this.#districts.features,
          lineColor: STYLE.districtBorder,
          lineWidthPixels: 1,
        }),
      );
    }
    layers.push(
      createBoundaryLayer({
        id: LAYER_ID.countyBorders,
        features: this.#options.counties.features,
        lineColor: STYLE.countyBorder,
        lineWidthPixels: detailed ? 2 : 1.2,
      }),
    );

    const organisation = buildOrganisationLayers(this.#organisation);
    layers.push(...organisation.below);

    const selected = this.#selectedCode && view ? view.features.find((feature) => feature.properties.code === this.#selectedCode) : undefined;
    if (selected) {
      layers.push(
        createBoundaryLayer({ id: LAYER_ID.selection, features: [selected], lineColor: STYLE.selection, lineWidthPixels: 3 }),
      );
    }

    if (!detailed) {
      layers.push(
        createLabelLayer({
          id: LAYER_ID.countyLabels,
          labels: this.#countyLabels,
          sizePixels: 13,
          color: STYLE.labelText,
          haloColor: STYLE.labelHalo,
        }),
      );
    } else if (view && view.level !== 'county') {
      const minPopulation = settlementLabelMinPopulation(zoom);
      const labels = this.#labelsFor(view).filter((label) => view.level !== 'settlement' || label.weight >= minPopulation);
      layers.push(
        createLabelLayer({
          id: `${LAYER_ID.unitLabels}-${view.level}`,
          labels,
          sizePixels: 12,
          color: STYLE.labelText,
          haloColor: STYLE.labelHalo,
        }),
      );
    }

    layers.push(...organisation.above);

    this.#layers = layers;
    this.#overlay.setProps({ layers });
    this.map.triggerRepaint();
  }

  /** What an export needs to draw this map again at another size. */
  snapshot(): MapSnapshot {
    return { map: this.map, layers: this.#layers, featureStates: [] };
  }

  /** Marks the map ready once deck.gl drew the loaded choropleth and maplibre went idle. */
  #checkReady(): void {
    if (!this.#awaitingReady || !this.#choroplethLayer?.isLoaded) return;
    this.#awaitingReady = false;
    const generation = this.#readyGeneration;
    this.map.once('idle', () => {
      if (generation === this.#readyGeneration) this.#markReady(true);
    });
    this.map.triggerRepaint();
  }

  #handleHover(info: PickingInfo): void {
    const canvas = this.map.getCanvas();
    const hit = organisationHitOf(info);
    if (hit) {
      canvas.style.cursor = 'default';
      this.#options.onHover({ x: info.x, y: info.y, kind: 'organisation', hit });
      return;
    }
    const feature = info.layer?.id === LAYER_ID.choropleth ? (info.object as UnitFeature | undefined) : undefined;
    canvas.style.cursor = feature ? 'pointer' : '';
    if (feature && this.#choropleth) {
      this.#options.onHover({ x: info.x, y: info.y, kind: 'unit', unit: feature.properties, level: this.#choropleth.level });
    } else {
      this.#options.onHover(null);
    }
  }

  #handleClick(info: PickingInfo): void {
    const feature = info.layer?.id === LAYER_ID.choropleth ? (info.object as UnitFeature | undefined) : undefined;
    this.#options.onUnitClick(feature?.properties ?? null, feature && this.#choropleth ? this.#choropleth.level : null);
  }
}
