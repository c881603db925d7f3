import type { CaseDomain, ProgrammeLayerId } from '@terep/db/contract';
import { PROGRAMME_LAYER_IDS } from '@terep/db/contract';
import type { Locale, LonLat } from '$lib/api/contract';
import { LayerLoads, without } from '$lib/map/layer-loads.svelte';
import { MAX_RADIUS, MIN_RADIUS } from '$lib/org-layers/need-signal-style';
import { monthOf, monthsBetween } from './programme-format';
import type { CaseDensityFeature, ProgrammeLayersView } from './programme-layer-ids';
import { fetchProgrammeLayer, type ProgrammeLayerCollections } from './programmes-client';
import { guardedText } from './programme-tooltip';

/**
 * Circle radius of a case count: area proportional to the count, counts below 5 all at the smallest
 * size (so the size reveals nothing about them).
 */
export function caseRadius(features: readonly CaseDensityFeature[]): (feature: CaseDensityFeature) => number {
  const largest = Math.max(5, ...features.map((feature) => feature.properties.cases ?? 0));
  return (feature) => {
    const cases = feature.properties.casesBelowThreshold ? 0 : (feature.properties.cases ?? 0);
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(cases / largest);
  };
}

/**
 * The programme layers of the analysis map: which are on, their data, the case domain and the
 * activities' time slider. Loaded afresh when a layer is switched on or its filter changes.
 */
export class ProgrammeLayerState {
  shown = $state.raw<ReadonlySet<ProgrammeLayerId>>(new Set());
  /** Case density of one domain, or of all. */
  domain = $state<CaseDomain | null>(null);
  /** Index into `months` of the time slider: the activities up to that month are drawn. */
  monthIndex = $state<number | null>(null);

  readonly #locale: () => Locale;
  readonly #loads = new LayerLoads<ProgrammeLayerId, ProgrammeLayerCollections>();

  get collections(): Partial<ProgrammeLayerCollections> {
    return this.#loads.collections;
  }

  get loading(): ReadonlySet<ProgrammeLayerId> {
    return this.#loads.loading;
  }

  get errors(): Partial<Record<ProgrammeLayerId, unknown>> {
    return this.#loads.errors;
  }

  constructor(locale: () => Locale) {
    this.#locale = locale;
  }

  readonly layers: readonly ProgrammeLayerId[] = PROGRAMME_LAYER_IDS;

  /** The months the loaded activities span, first to last (the slider's steps). */
  readonly months: string[] = $derived.by(() => {
    const dates = (this.collections['programme-activities']?.features ?? []).map((feature) => feature.properties.date).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    return first && last ? monthsBetween(monthOf(first), monthOf(last)) : [];
  });

  /** Activities per month (the strip above the slider). */
  readonly monthCounts: ReadonlyMap<string, number> = $derived.by(() => {
    const counts = new Map<string, number>();
    for (const feature of this.collections['programme-activities']?.features ?? []) {
      const month = monthOf(feature.properties.date);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    return counts;
  });

  /** The slider's month (the last one until moved). */
  readonly untilMonth: string | null = $derived(this.months.length ? (this.months[Math.min(this.monthIndex ?? this.months.length - 1, this.months.length - 1)] ?? null) : null);

  /** How many features each shown, loaded layer draws (null while loading or off). */
  readonly counts: Record<ProgrammeLayerId, number | null> = $derived.by(() => {
    const counts = {} as Record<ProgrammeLayerId, number | null>;
    for (const id of PROGRAMME_LAYER_IDS) {
      const collection = this.collections[id];
      counts[id] = this.shown.has(id) && !this.loading.has(id) && collection ? collection.features.length : null;
    }
    const activities = this.view?.activities;
    if (activities && counts['programme-activities'] !== null) counts['programme-activities'] = activities.features.length;
    return counts;
  });

  /** What the map draws. */
  readonly view: ProgrammeLayersView | null = $derived.by(() => {
    const { collections, shown } = this;
    const areas = shown.has('programme-areas') ? (collections['programme-areas']?.features ?? null) : null;
    const helpers = shown.has('helper-areas') ? (collections['helper-areas']?.features ?? null) : null;
    const partners = shown.has('partner-seats') ? (collections['partner-seats']?.features ?? null) : null;
    const cases = shown.has('case-density') ? (collections['case-density']?.features ?? null) : null;
    const activities = shown.has('programme-activities') ? (collections['programme-activities']?.features ?? null) : null;
    if (!areas && !helpers && !partners && !cases && !activities) return null;
    const locale = this.#locale();
    const until = this.untilMonth;
    return {
      areas,
      helpers,
      partners,
      cases: cases
        ? {
            features: cases,
            radiusOf: caseRadius(cases),
            labels: cases.map((feature) => ({
              code: feature.properties.settlementCode,
              text: guardedText(feature.properties.cases, feature.properties.casesBelowThreshold, locale),
              position: [feature.geometry.coordinates[0] ?? 0, feature.geometry.coordinates[1] ?? 0] as LonLat,
              weight: 0,
            })),
            styleKey: `${this.domain ?? 'all'}`,
          }
        : null,
      activities: activities
        ? { features: until ? activities.filter((feature) => monthOf(feature.properties.date) <= until) : activities, styleKey: until ?? 'all' }
        : null,
    };
  });

  /** A stable name of what is drawn, for the map's ready flag. */
  readonly sceneKey: string = $derived(
    [...this.shown]
      .sort()
      .map((id) => (id === 'programme-activities' ? `${id}@${this.untilMonth ?? ''}` : id === 'case-density' ? `${id}@${this.domain ?? 'all'}` : id))
      .join('+'),
  );

  toggle(id: ProgrammeLayerId): void {
    if (this.shown.has(id)) {
      this.#loads.drop(id);
      this.shown = without(this.shown, id);
    } else {
      this.shown = new Set(this.shown).add(id);
      this.#load(id);
    }
  }

  setDomain(domain: CaseDomain | null): void {
    this.domain = domain;
    if (this.shown.has('case-density')) this.#load('case-density');
  }

  setMonthIndex(index: number): void {
    this.monthIndex = index;
  }

  /** Loads every shown layer again (after an import or a rollback). */
  refresh(): void {
    for (const id of this.shown) this.#load(id);
  }

  retry(id: ProgrammeLayerId): void {
    this.#load(id);
  }

  destroy(): void {
    this.#loads.destroy();
  }

  #load(id: ProgrammeLayerId): void {
    this.#loads.load(
      id,
      (signal) => fetchProgrammeLayer(id, id === 'case-density' && this.domain ? { domain: this.domain } : {}, signal),
      () => {
        if (id === 'programme-activities') this.monthIndex = null;
      },
    );
  }
}
