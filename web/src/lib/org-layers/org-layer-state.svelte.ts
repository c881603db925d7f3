import type { Attribution, Bbox, LonLat, Locale, Localized } from '$lib/api/contract';
import type { InstitutionType } from '$lib/imports/import-types';
import { fetchInstitutionTypes } from '$lib/imports/imports-client';
import { collectAttributions } from '$lib/map/attribution';
import { LayerLoads, without } from '$lib/map/layer-loads.svelte';
import type { IconSpec } from '$lib/map/layers/icon-point-layer';
import type { OrganisationLayersView } from '$lib/map/organisation-layers';
import type { LayerMeta } from '$lib/map/unit-layer-types';
import { boundsOfPositions } from './feature-bounds';
import { institutionIcon, WAREHOUSE_ICON } from './map-icons';
import { NEED_CATEGORIES, type NeedCategory } from './need-signal-vocabulary';
import { countText, radiusScale, signalColor, signalCount, type SizeMeasure } from './need-signal-style';
import { fetchOrgLayer } from './org-layers-client';
import { ORG_LAYER_IDS, type InstitutionFeature, type OrgCollections, type OrgLayerId, type OrgLayerMeta } from './org-layer-types';

/** One institution type in the panel: its icon (the legend) and how many are loaded. */
export interface TypeEntry {
  key: string;
  name: Localized;
  icon: IconSpec;
  count: number;
  shown: boolean;
}

/** The layers shown and their filters: what a view (the address, a story's step) keeps of them. */
export interface OrgLayerChoice {
  layers: OrgLayerId[];
  /** Institution types switched off. */
  hiddenTypes: string[];
  /** Need categories shown; null means all. */
  categories: NeedCategory[] | null;
  /** What sizes the need-signal circles; null means households. */
  size: SizeMeasure | null;
  /** An import to zoom to once its features are loaded. */
  importId: number | null;
}

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

function isOrgLayer(layer: LayerMeta): layer is OrgLayerMeta {
  return layer.origin === 'organisation';
}

function withValue<T>(set: ReadonlySet<T>, value: T): Set<T> {
  return new Set(set).add(value);
}

/**
 * The organisations' own layers on the dashboard: which are on, their filters, and their data.
 * Data is loaded afresh whenever a layer is switched on, a filter needs the server, or an import
 * changed it; nothing is cached between those.
 */
export class OrgLayerState {
  catalog = $state.raw<OrgLayerMeta[]>([]);
  shown = $state.raw<ReadonlySet<OrgLayerId>>(new Set());
  institutionTypes = $state.raw<InstitutionType[]>([]);
  /** Institution types switched off in the panel. */
  hiddenTypes = $state.raw<ReadonlySet<string>>(new Set());
  /** Need categories summed into the circles. */
  categories = $state.raw<ReadonlySet<NeedCategory>>(new Set(NEED_CATEGORIES));
  sizeBy = $state<SizeMeasure>('households');

  readonly #loads = new LayerLoads<OrgLayerId, OrgCollections>();
  /** An import to zoom to once its features are loaded (from the import page's link). */
  focusImportId = $state<number | null>(null);

  readonly #locale: () => Locale;

  get collections(): Partial<OrgCollections> {
    return this.#loads.collections;
  }

  get loading(): ReadonlySet<OrgLayerId> {
    return this.#loads.loading;
  }

  get errors(): Partial<Record<OrgLayerId, unknown>> {
    return this.#loads.errors;
  }

  constructor(locale: () => Locale) {
    this.#locale = locale;
  }

  /** The organisation layers the API offers, in panel order. */
  readonly available: OrgLayerMeta[] = $derived(
    ORG_LAYER_IDS.flatMap((id) => this.catalog.filter((layer) => layer.id === id)),
  );

  readonly visibleInstitutions: InstitutionFeature[] = $derived(
    (this.collections.institutions?.features ?? []).filter((feature) => !this.hiddenTypes.has(feature.properties.type)),
  );

  /** Institution types present in the data, in the controlled list's order: the icon legend. */
  readonly typeEntries: TypeEntry[] = $derived.by(() => {
    const found = new Map<string, { name: Localized; count: number }>();
    for (const feature of this.collections.institutions?.features ?? []) {
      const entry = found.get(feature.properties.type);
      if (entry) entry.count++;
      else found.set(feature.properties.type, { name: feature.properties.typeName, count: 1 });
    }
    const order = this.institutionTypes.map((type) => type.key);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    return [...found.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([key, { name, count }]) => ({ key, name, count, icon: institutionIcon(key, name.hu), shown: !this.hiddenTypes.has(key) }));
  });

  /** How many features each shown, loaded layer draws (null while loading or off). */
  readonly counts: Record<OrgLayerId, number | null> = $derived.by(() => {
    const count = (id: OrgLayerId, length: number | undefined) =>
      this.shown.has(id) && !this.loading.has(id) && length !== undefined ? length : null;
    return {
      institutions: count('institutions', this.collections.institutions ? this.visibleInstitutions.length : undefined),
      warehouses: count('warehouses', this.collections.warehouses?.features.length),
      'need-signals': count('need-signals', this.collections['need-signals']?.features.length),
      'segregated-areas': count('segregated-areas', this.collections['segregated-areas']?.features.length),
    };
  });

  /** Sources of the shown layers, for the map's attribution. */
  readonly attributions: Attribution[] = $derived(
    collectAttributions(...this.available.filter((layer) => this.shown.has(layer.id)).map((layer) => layer.attribution)),
  );

  /** What the map draws. */
  readonly view: OrganisationLayersView | null = $derived.by(() => {
    const { collections, shown } = this;
    const areas = shown.has('segregated-areas') && collections['segregated-areas'] ? collections['segregated-areas'].features : null;
    const signals = shown.has('need-signals') && collections['need-signals'] ? collections['need-signals'].features : null;
    const institutions = shown.has('institutions') && collections.institutions ? this.visibleInstitutions : null;
    const warehouses = shown.has('warehouses') && collections.warehouses ? collections.warehouses.features : null;
    if (!areas && !signals && !institutions && !warehouses) return null;

    let needSignals: OrganisationLayersView['needSignals'] = null;
    if (signals) {
      const locale = this.#locale();
      const measure = this.sizeBy;
      const counts = new Map(signals.map((feature) => [feature, signalCount(feature.properties, measure)]));
      const radiusOf = radiusScale([...counts.values()]);
      needSignals = {
        features: signals,
        radiusOf: (feature) => radiusOf(counts.get(feature) ?? signalCount(feature.properties, measure)),
        colorOf: (feature) => signalColor(feature.properties),
        labels: signals.map((feature) => ({
          code: feature.properties.settlementCode,
          text: countText(counts.get(feature) ?? signalCount(feature.properties, measure), locale),
          position: [feature.geometry.coordinates[0] ?? 0, feature.geometry.coordinates[1] ?? 0] as LonLat,
          weight: 0,
        })),
        styleKey: measure,
      };
    }
    return {
      areas: areas ? { features: areas } : null,
      needSignals,
      institutions: institutions
        ? { features: institutions, iconOf: (feature) => institutionIcon(feature.properties.type, feature.properties.typeName.hu) }
        : null,
      warehouses: warehouses ? { features: warehouses, iconOf: () => WAREHOUSE_ICON } : null,
    };
  });

  /** Every shown layer has answered (with data or an error): the focus can be decided. */
  readonly settled: boolean = $derived(
    this.loading.size === 0 && [...this.shown].every((id) => this.collections[id] !== undefined || this.errors[id] !== undefined),
  );

  /** Where to zoom for the focused import (null when it has nothing on the map). */
  readonly focusBbox: Bbox | null = $derived.by(() => {
    const importId = this.focusImportId;
    if (importId === null) return null;
    const positions: number[][] = [];
    const { collections, shown } = this;
    const ofImport = <F extends { properties: { importId: number } }>(features: readonly F[] | undefined): F[] =>
      (features ?? []).filter((feature) => feature.properties.importId === importId);
    if (shown.has('institutions')) positions.push(...ofImport(collections.institutions?.features).map((feature) => feature.geometry.coordinates));
    if (shown.has('warehouses')) positions.push(...ofImport(collections.warehouses?.features).map((feature) => feature.geometry.coordinates));
    if (shown.has('segregated-areas')) {
      for (const feature of ofImport(collections['segregated-areas']?.features)) {
        const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
        for (const polygon of polygons) positions.push(...(polygon[0] ?? []));
      }
    }
    // Need signals are summed per settlement, across imports: show them all.
    if (shown.has('need-signals')) positions.push(...(collections['need-signals']?.features ?? []).map((feature) => feature.geometry.coordinates));
    return boundsOfPositions(positions);
  });

  setCatalog(layers: readonly LayerMeta[]): void {
    const organisation = layers.filter(isOrgLayer);
    if (organisation.length === this.catalog.length && organisation.every((layer, index) => layer === this.catalog[index])) return;
    this.catalog = organisation;
  }

  /**
   * Applies a view (from the address, a step of a story): the layers shown and their filters,
   * loading what it newly shows; `importId` zooms to one import's features once they are loaded.
   */
  applyChoice(choice: OrgLayerChoice): void {
    const categories = new Set(choice.categories ?? NEED_CATEGORIES);
    const categoriesChanged = !sameMembers(categories, this.categories);
    if (categoriesChanged) this.categories = categories;
    if (!sameMembers(new Set(choice.hiddenTypes), this.hiddenTypes)) this.hiddenTypes = new Set(choice.hiddenTypes);
    this.sizeBy = choice.size ?? 'households';
    if (choice.importId !== null) this.focusImportId = choice.importId;
    for (const id of ORG_LAYER_IDS) {
      const wanted = choice.layers.includes(id);
      if (wanted !== this.shown.has(id)) this.toggle(id);
      else if (wanted && id === 'need-signals' && categoriesChanged) this.#load(id);
    }
  }

  /** The layers shown and their filters, as a view keeps them (categories null when all are shown). */
  choice: Omit<OrgLayerChoice, 'importId'> = $derived({
    layers: ORG_LAYER_IDS.filter((id) => this.shown.has(id)),
    hiddenTypes: [...this.hiddenTypes].sort(),
    categories: this.categories.size === NEED_CATEGORIES.length ? null : NEED_CATEGORIES.filter((category) => this.categories.has(category)),
    size: this.sizeBy === 'households' ? null : this.sizeBy,
  });

  toggle(id: OrgLayerId): void {
    if (this.shown.has(id)) {
      this.#loads.drop(id);
      this.shown = without(this.shown, id);
    } else {
      this.shown = withValue(this.shown, id);
      this.#load(id);
    }
  }

  setTypeShown(key: string, shown: boolean): void {
    this.hiddenTypes = shown ? without(this.hiddenTypes, key) : withValue(this.hiddenTypes, key);
  }

  setAllTypesShown(shown: boolean): void {
    this.hiddenTypes = shown ? new Set() : new Set(this.typeEntries.map((entry) => entry.key));
  }

  setCategory(category: NeedCategory, on: boolean): void {
    this.categories = on ? withValue(this.categories, category) : without(this.categories, category);
    if (this.shown.has('need-signals')) this.#load('need-signals');
  }

  setAllCategories(on: boolean): void {
    this.categories = on ? new Set(NEED_CATEGORIES) : new Set();
    if (this.shown.has('need-signals')) this.#load('need-signals');
  }

  setSizeBy(measure: SizeMeasure): void {
    this.sizeBy = measure;
  }

  /** The zoom to the focused import was made (or is no longer wanted). */
  clearFocus(): void {
    this.focusImportId = null;
  }

  /** Loads every shown layer again (after an import or a rollback elsewhere). */
  refresh(): void {
    for (const id of this.shown) this.#load(id);
  }

  retry(id: OrgLayerId): void {
    this.#load(id);
  }

  destroy(): void {
    this.#loads.destroy();
  }

  #loadTypes(): void {
    fetchInstitutionTypes()
      .then((list) => (this.institutionTypes = list.types))
      .catch(() => undefined); // Only the legend's order depends on it; the features carry their type names.
  }

  #load(id: OrgLayerId): void {
    if (id === 'institutions') this.#loadTypes();
    const categories = NEED_CATEGORIES.filter((category) => this.categories.has(category));
    this.#loads.load(id, (signal) =>
      id === 'need-signals' && categories.length === 0
        ? Promise.resolve({ type: 'FeatureCollection', features: [] })
        : fetchOrgLayer(id, id === 'need-signals' ? { categories } : {}, signal),
    );
  }
}
