import { DEFAULT_REACH, type TravelUnit } from '@terep/db/contract';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { IndicatorMeta } from '$lib/indicators/indicator-types';
import type { InstitutionFeature } from '$lib/org-layers/org-layer-types';
import { fetchCoverage, fetchInstitutionsOfTypes, fetchInstitutionTypes } from './coverage-client';
import type { CoverageRequest, CoverageSummary, InstitutionType } from './coverage-types';

/** Indicators a coverage ranking may use: need indicators with settlement values. */
export function rankingIndicators(indicators: readonly IndicatorMeta[]): IndicatorMeta[] {
  return indicators.filter((indicator) => indicator.needDirection !== 0 && indicator.levels.includes('settlement'));
}

/** The coverage panel: its choices, the last answer and the institutions drawn with it. */
export class CoverageState {
  types = $state.raw<InstitutionType[] | null>(null);
  selectedTypes = $state.raw<string[]>(['social-kitchen']);
  unit = $state<TravelUnit>('km');
  reach = $state<number>(DEFAULT_REACH.km);
  rankBy = $state<string | null>(null);

  summary = $state.raw<CoverageSummary | null>(null);
  /** The request the summary answers. */
  answered = $state.raw<CoverageRequest | null>(null);
  institutions = $state.raw<InstitutionFeature[]>([]);
  typesError = $state.raw<unknown>(null);

  readonly request = new LatestRequest();
  get loading(): boolean {
    return this.request.loading;
  }
  get error(): unknown {
    return this.request.error;
  }

  async loadTypes(): Promise<void> {
    try {
      this.types = (await fetchInstitutionTypes()).types;
      this.typesError = null;
    } catch (error) {
      this.typesError = error;
    }
  }

  setUnit(unit: TravelUnit): void {
    if (unit === this.unit) return;
    this.unit = unit;
    this.reach = DEFAULT_REACH[unit];
  }

  toggleType(key: string): void {
    this.selectedTypes = this.selectedTypes.includes(key)
      ? this.selectedTypes.filter((entry) => entry !== key)
      : [...this.selectedTypes, key];
  }

  get canRun(): boolean {
    return this.selectedTypes.length > 0 && Number.isFinite(this.reach) && this.reach > 0 && this.reach <= 500;
  }

  async run(): Promise<void> {
    if (!this.canRun) return;
    const request: CoverageRequest = { types: [...this.selectedTypes], reach: this.reach, unit: this.unit, rankBy: this.rankBy };
    await this.request.run(async (signal) => {
      const [summary, institutions] = await Promise.all([fetchCoverage(request, signal), fetchInstitutionsOfTypes(request.types, signal)]);
      this.summary = summary;
      this.institutions = institutions;
      this.answered = request;
    });
  }

  /** Computes a coverage a view asks for (the address, a story's step), unless it is the one shown. */
  async show(choice: CoverageRequest): Promise<void> {
    const answered = this.answered;
    if (answered && answered.unit === choice.unit && answered.reach === choice.reach && answered.rankBy === choice.rankBy && answered.types.join() === choice.types.join()) return;
    this.selectedTypes = [...choice.types];
    this.unit = choice.unit;
    this.reach = choice.reach;
    this.rankBy = choice.rankBy;
    await this.run();
  }

  /** Takes the coverage off the map (a view without one). */
  clear(): void {
    this.request.cancel();
    this.summary = null;
    this.answered = null;
    this.institutions = [];
  }

  destroy(): void {
    this.request.destroy();
  }
}
