import type { Attribution, HealthResponse, UnitLevel } from '$lib/api/contract';
import { isAbortError } from '$lib/api/api-error';
import { fetchHealth } from '$lib/api/health-client';
import { buildColorScale, toRgba, type ColorScale, type Rgba } from '$lib/indicators/color-scale';
import { indicatorsForLevel, resolveSelection, type IndicatorSelection } from '$lib/indicators/indicator-selection';
import type { IndicatorMeta, IndicatorValues } from '$lib/indicators/indicator-types';
import { fetchIndicatorCatalog, fetchIndicatorValues } from '$lib/indicators/indicators-client';
import { collectAttributions } from '$lib/map/attribution';
import { UnitGeometryLoader } from '$lib/map/unit-geometry-loader';
import type { LayerMeta, MapViewport, UnitCollection, UnitFeature } from '$lib/map/unit-layer-types';
import { fetchUnitLayer, fetchUnitLayerCatalog, layerForLevel } from '$lib/map/unit-layers-client';
import type { MessageKey } from '$lib/i18n/dictionary';
import type { IgnoredParam } from '$lib/views/map-position';

/** Something that failed and can be retried; `context` names what failed for the message. */
export interface Problem {
  id: 'boot' | 'geometry' | 'values';
  context: MessageKey;
  error: unknown;
  /** False when nothing works without it (the catalogues): only retrying helps. */
  dismissible: boolean;
}

export interface LevelGeometry {
  level: UnitLevel;
  collection: UnitCollection;
}

/** The choropleth ready to draw: units of the selected level and their colours. */
export interface ChoroplethData {
  level: UnitLevel;
  features: UnitFeature[];
  colorOf: (code: string) => Rgba;
  colorKey: string;
}

/** Opacity of the choropleth fill (0-255): a touch of the basemap shows through. */
const FILL_ALPHA = 235;
const VIEWPORT_DEBOUNCE_MS = 250;
const DISTRICT_BORDERS_ZOOM = 8;

/**
 * State of the dashboard: catalogues, the chosen level / indicator / year, and the boundaries
 * and values they need. Loads what a change requires and ignores answers that arrive late.
 */
export class DashboardState {
  layers = $state.raw<LayerMeta[] | null>(null);
  indicators = $state.raw<IndicatorMeta[] | null>(null);
  health = $state.raw<HealthResponse | null>(null);
  counties = $state.raw<UnitCollection | null>(null);
  districts = $state.raw<UnitCollection | null>(null);

  selection = $state.raw<IndicatorSelection>({ level: 'settlement', key: null, year: null });
  viewport = $state.raw<MapViewport | null>(null);
  geometry = $state.raw<LevelGeometry | null>(null);
  values = $state.raw<IndicatorValues | null>(null);

  booting = $state(true);
  loadingGeometry = $state(false);
  loadingValues = $state(false);
  problems = $state.raw<Problem[]>([]);

  /** Indicators the chosen level has. */
  availableIndicators = $derived(this.indicators ? indicatorsForLevel(this.indicators, this.selection.level) : []);

  indicator = $derived(this.indicators?.find((candidate) => candidate.key === this.selection.key) ?? null);

  /** Values matching the current selection (stale ones from a previous choice are not used). */
  currentValues = $derived(
    this.values && this.values.key === this.selection.key && this.values.level === this.selection.level ? this.values : null,
  );

  colorScale: ColorScale | null = $derived(
    this.indicator && this.currentValues ? buildColorScale(this.indicator, Object.values(this.currentValues.values)) : null,
  );

  choropleth: ChoroplethData | null = $derived.by(() => {
    const geometry = this.geometry;
    const values = this.currentValues;
    const scale = this.colorScale;
    if (!geometry || !values || !scale || geometry.level !== this.selection.level) return null;
    const rgbaByColor = new Map<string, Rgba>();
    const colorOf = (code: string): Rgba => {
      const css = scale.colorOf(values.values[code]);
      let rgba = rgbaByColor.get(css);
      if (!rgba) {
        rgba = toRgba(css, FILL_ALPHA);
        rgbaByColor.set(css, rgba);
      }
      return rgba;
    };
    return { level: geometry.level, features: geometry.collection.features, colorOf, colorKey: `${values.key}|${values.level}|${values.year}` };
  });

  /** Whether some drawn unit has no value (the legend then shows "no data"). */
  hasMissingValues = $derived.by(() => {
    const data = this.choropleth;
    const values = this.currentValues;
    if (!data || !values) return false;
    return data.features.some((feature) => values.values[feature.properties.code] === undefined);
  });

  /** Sources of everything drawn: the boundary layers and the chosen indicator. */
  attributions: Attribution[] = $derived.by(() => {
    const layers = this.layers ?? [];
    const drawn = [layerForLevel(layers, 'county'), layerForLevel(layers, this.selection.level)];
    if (this.districts && this.selection.level === 'settlement') drawn.push(layerForLevel(layers, 'district'));
    return collectAttributions(...drawn.map((layer) => layer?.attribution), this.indicator?.attribution);
  });

  /** Told the params of a view the catalogue cannot show (an unknown indicator, a year it lacks). */
  onIgnored: (ignored: IgnoredParam[]) => void = () => undefined;

  readonly #loader = new UnitGeometryLoader((layerId, zoom, bbox) => fetchUnitLayer(layerId, zoom, bbox));
  #geometryGeneration = 0;
  #valuesGeneration = 0;
  #viewportTimer: ReturnType<typeof setTimeout> | undefined;

  /** Loads the catalogues and the county boundaries the basemap is built from. */
  async boot(): Promise<void> {
    this.booting = true;
    this.#clearProblem('boot');
    try {
      const [layerCatalog, indicatorCatalog, counties] = await Promise.all([
        fetchUnitLayerCatalog(),
        fetchIndicatorCatalog(),
        this.#loader.loadCountry('counties'),
      ]);
      this.layers = layerCatalog.layers;
      this.indicators = indicatorCatalog.indicators;
      this.counties = counties;
      const wanted = this.selection;
      this.selection = resolveSelection(this.indicators, wanted);
      this.#reportIgnored(wanted, this.selection);
      this.booting = false;
      this.#loadValues();
      this.#loadGeometry();
    } catch (error) {
      this.#addProblem({ id: 'boot', context: 'error.catalog', error, dismissible: false });
    }
    // The data summary in the header is a nicety: its failure does not block anything.
    fetchHealth()
      .then((health) => (this.health = health))
      .catch(() => undefined);
  }

  /**
   * Shows what a view asks for (the address, a story's step): before the catalogue is loaded it is
   * kept for boot to resolve; an indicator the level lacks, or a year the indicator lacks, is
   * replaced by the default and reported through `onIgnored`.
   */
  applySelection(wanted: { level: UnitLevel | null; key: string | null; year: number | null }): void {
    const next: IndicatorSelection = { level: wanted.level ?? 'settlement', key: wanted.key, year: wanted.year };
    if (!this.indicators) {
      this.selection = next;
      return;
    }
    const resolved = resolveSelection(this.indicators, next);
    this.#reportIgnored(next, resolved);
    const current = this.selection;
    if (resolved.level === current.level && resolved.key === current.key && resolved.year === current.year) return;
    this.selection = resolved;
    this.#loadValues();
    if (resolved.level !== current.level) this.#loadGeometry();
  }

  #reportIgnored(wanted: IndicatorSelection, resolved: IndicatorSelection): void {
    const ignored: IgnoredParam[] = [];
    if (wanted.key !== null && wanted.key !== resolved.key) ignored.push({ name: 'indicator', value: wanted.key });
    else if (wanted.year !== null && wanted.year !== resolved.year) ignored.push({ name: 'year', value: String(wanted.year) });
    if (ignored.length) this.onIgnored(ignored);
  }

  setLevel(level: UnitLevel): void {
    if (level === this.selection.level || !this.indicators) return;
    this.selection = resolveSelection(this.indicators, { ...this.selection, level });
    this.#loadValues();
    this.#loadGeometry();
  }

  setIndicator(key: string): void {
    if (key === this.selection.key || !this.indicators) return;
    this.selection = resolveSelection(this.indicators, { ...this.selection, key, year: null });
    this.#loadValues();
  }

  setYear(year: number): void {
    if (year === this.selection.year || !this.indicators) return;
    this.selection = resolveSelection(this.indicators, { ...this.selection, year });
    this.#loadValues();
  }

  /** Called when the map stops moving; boundaries follow after a short pause. */
  updateViewport(viewport: MapViewport): void {
    const first = this.viewport === null;
    this.viewport = viewport;
    clearTimeout(this.#viewportTimer);
    if (first) this.#loadGeometry();
    else this.#viewportTimer = setTimeout(() => this.#loadGeometry(), VIEWPORT_DEBOUNCE_MS);
  }

  retry(problem: Problem): void {
    this.#clearProblem(problem.id);
    if (problem.id === 'boot') void this.boot();
    else if (problem.id === 'geometry') this.#loadGeometry();
    else this.#loadValues();
  }

  dismiss(problem: Problem): void {
    this.#clearProblem(problem.id);
  }

  destroy(): void {
    clearTimeout(this.#viewportTimer);
  }

  #loadGeometry(): void {
    const viewport = this.viewport;
    const layer = this.layers ? layerForLevel(this.layers, this.selection.level) : undefined;
    if (!viewport || !layer) return;
    const level = this.selection.level;
    const generation = ++this.#geometryGeneration;
    this.loadingGeometry = true;
    this.#clearProblem('geometry');
    this.#loader
      .load(layer.id, viewport, { byBbox: level === 'settlement' })
      .then((collection) => {
        if (generation !== this.#geometryGeneration) return;
        if (this.geometry?.collection !== collection || this.geometry.level !== level) this.geometry = { level, collection };
      })
      .catch((error: unknown) => {
        if (generation === this.#geometryGeneration && !isAbortError(error)) {
          this.#addProblem({ id: 'geometry', context: 'error.geometry', error, dismissible: true });
        }
      })
      .finally(() => {
        if (generation === this.#geometryGeneration) this.loadingGeometry = false;
      });

    if (level === 'settlement' && viewport.zoom >= DISTRICT_BORDERS_ZOOM && !this.districts) {
      const districtLayer = layerForLevel(this.layers ?? [], 'district');
      if (districtLayer) {
        this.#loader
          .loadCountry(districtLayer.id)
          .then((districts) => (this.districts = districts))
          .catch(() => undefined); // Borders are context only; the choropleth works without them.
      }
    }
  }

  #loadValues(): void {
    const { key, level, year } = this.selection;
    if (!key) {
      this.values = null;
      return;
    }
    const generation = ++this.#valuesGeneration;
    this.loadingValues = true;
    this.#clearProblem('values');
    fetchIndicatorValues({ key, level, year: year ?? undefined })
      .then((values) => {
        if (generation === this.#valuesGeneration) this.values = values;
      })
      .catch((error: unknown) => {
        if (generation === this.#valuesGeneration) this.#addProblem({ id: 'values', context: 'error.values', error, dismissible: true });
      })
      .finally(() => {
        if (generation === this.#valuesGeneration) this.loadingValues = false;
      });
  }

  #addProblem(problem: Problem): void {
    this.problems = [...this.problems.filter((existing) => existing.id !== problem.id), problem];
  }

  #clearProblem(id: Problem['id']): void {
    if (this.problems.some((problem) => problem.id === id)) {
      this.problems = this.problems.filter((problem) => problem.id !== id);
    }
  }
}
