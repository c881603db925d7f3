import { ApiError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { LonLat } from '$lib/api/contract';
import { fetchCatchments } from './catchments-client';
import { CAPACITY_UNIT } from './catchment-types';
import type {
  CatchmentAnswer,
  CatchmentMode,
  CatchmentResult,
  CatchmentScenario,
  DemandMeasure,
  SiteCatchment,
  WarehouseSite,
} from './catchment-types';

/** A warehouse the what-if plans: a new one (no id) or a stored one moved or re-sized. */
export interface PlannedSite {
  /** Stored warehouse id when it changes a stored one. */
  id?: number;
  name: string;
  lon: number;
  lat: number;
  capacity: number | null;
}

/** Where the map shows a dragged warehouse before the what-if is recomputed. */
export interface DragPreview {
  index: number;
  lonLat: LonLat;
}

export function isNoWarehouses(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NO_WAREHOUSES';
}

/** The catchments panel: the baseline of the stored warehouses and a what-if against it. */
export class CatchmentState {
  mode = $state<CatchmentMode>('nearest');
  demand = $state<DemandMeasure>('population');
  /** Serve no settlement from farther than this, km; null for no limit. */
  maxDistanceKm = $state<number | null>(null);

  /** The stored warehouses' catchments. */
  baseline = $state.raw<CatchmentResult | null>(null);
  /** The what-if's answer: its result, the baseline and the difference. */
  whatIf = $state.raw<CatchmentAnswer | null>(null);
  planned = $state.raw<PlannedSite[]>([]);
  /** Next click on the map adds a planned warehouse. */
  adding = $state(false);
  /** Capacity of the next planned warehouse, in the demand's unit; null for unlimited. */
  newCapacity = $state<number | null>(null);
  dragPreview = $state.raw<DragPreview | null>(null);

  readonly request = new LatestRequest();
  get loading(): boolean {
    return this.request.loading;
  }
  get error(): unknown {
    return this.request.error;
  }
  #plannedCount = 0;

  /** What the map and the table show: the what-if when there is one, else the baseline. */
  get shown(): CatchmentResult | null {
    return this.whatIf?.result ?? this.baseline;
  }

  get hasScenario(): boolean {
    return this.planned.length > 0;
  }

  /** Sites as drawn, the dragged one at the pointer. */
  get drawnSites(): WarehouseSite[] {
    const sites = this.shown?.sites.map((entry) => entry.site) ?? [];
    const preview = this.dragPreview;
    return sites.map((site, index) => (preview && preview.index === index ? { ...site, lon: preview.lonLat[0], lat: preview.lonLat[1] } : site));
  }

  /**
   * New planned warehouses the shown result does not hold yet (the what-if is being recomputed):
   * drawn at once where they were placed, so the click answers before the server does.
   */
  get pendingSites(): WarehouseSite[] {
    const shownNames = new Set(this.shown?.sites.map((entry) => entry.site.name) ?? []);
    return this.planned
      .filter((entry) => entry.id === undefined && !shownNames.has(entry.name))
      .map((entry): WarehouseSite => ({ id: null, name: entry.name, lon: entry.lon, lat: entry.lat, capacity: entry.capacity, countyCode: null }));
  }

  setMode(mode: CatchmentMode): void {
    this.mode = mode;
    // Capacities count parcels, one per household: only that demand can be weighed against them.
    if (mode === 'capacitated') this.demand = CAPACITY_UNIT;
    void this.run();
  }

  setDemand(demand: DemandMeasure): void {
    this.demand = demand;
    void this.run();
  }

  /** Computes the baseline, and the what-if when one is planned. */
  async run(): Promise<void> {
    await this.request.run(
      async (signal) => {
        const request = { mode: this.mode, demand: this.demand, maxDistanceKm: this.maxDistanceKm && this.maxDistanceKm > 0 ? this.maxDistanceKm : null };
        if (this.planned.length === 0) {
          this.baseline = (await fetchCatchments(request, signal)).result;
          this.whatIf = null;
        } else {
          const answer = await fetchCatchments({ ...request, scenario: this.#scenario() }, signal);
          this.whatIf = answer;
          this.baseline = answer.baseline ?? null;
        }
      },
      {
        onError: (error) => {
          if (isNoWarehouses(error)) this.baseline = null;
        },
        onSettled: () => (this.dragPreview = null),
      },
    );
  }

  startAdding(): void {
    this.adding = !this.adding;
  }

  /** Adds a planned warehouse where the map was clicked. */
  addAt(lonLat: LonLat, name: string): void {
    this.#plannedCount += 1;
    this.planned = [...this.planned, { name, lon: lonLat[0], lat: lonLat[1], capacity: this.newCapacity }];
    this.adding = false;
    void this.run();
  }

  /** A name no planned warehouse has yet (the difference matches sites by name). */
  nextPlannedNumber(): number {
    return this.#plannedCount + 1;
  }

  /** Whether the site at `index` of the shown result may be dragged. */
  beginDrag(index: number): boolean {
    if (this.loading || !this.shown?.sites[index]) return false;
    const site = this.shown.sites[index]!.site;
    this.dragPreview = { index, lonLat: [site.lon, site.lat] };
    return true;
  }

  dragTo(lonLat: LonLat): void {
    if (this.dragPreview) this.dragPreview = { ...this.dragPreview, lonLat };
  }

  /** Moves the dragged site: a stored warehouse enters the what-if by id, a planned one moves. */
  endDrag(lonLat: LonLat): void {
    const preview = this.dragPreview;
    const entry = preview ? this.shown?.sites[preview.index] : undefined;
    if (!preview || !entry) {
      this.dragPreview = null;
      return;
    }
    this.dragPreview = { ...preview, lonLat };
    this.#moveSite(entry, lonLat);
    void this.run();
  }

  removePlanned(index: number): void {
    this.planned = this.planned.filter((_, position) => position !== index);
    void this.run();
  }

  resetScenario(): void {
    this.planned = [];
    this.adding = false;
    this.whatIf = null;
    void this.run();
  }

  destroy(): void {
    this.request.destroy();
  }

  #moveSite(entry: SiteCatchment, lonLat: LonLat): void {
    const [lon, lat] = [Number(lonLat[0].toFixed(5)), Number(lonLat[1].toFixed(5))];
    const { site } = entry;
    const existing = this.planned.findIndex((planned) => (site.id !== null ? planned.id === site.id : planned.id === undefined && planned.name === site.name));
    if (existing >= 0) {
      this.planned = this.planned.map((planned, position) => (position === existing ? { ...planned, lon, lat } : planned));
    } else {
      this.planned = [...this.planned, { id: site.id ?? undefined, name: site.name, lon, lat, capacity: site.capacity }];
    }
  }

  #scenario(): CatchmentScenario {
    return {
      sites: this.planned.map((site) => ({
        ...(site.id !== undefined ? { id: site.id } : {}),
        name: site.name,
        lon: site.lon,
        lat: site.lat,
        capacity: site.capacity,
      })),
      remove: [],
    };
  }
}
