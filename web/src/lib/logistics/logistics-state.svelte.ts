import { LatestRequest } from '$lib/api/latest-request.svelte';
import { fetchOrgLayer } from '$lib/org-layers/org-layers-client';
import type { NeedSignalFeature, WarehouseFeature } from '$lib/org-layers/org-layer-types';
import type { SearchResult } from '$lib/search/search-types';
import { deleteRouteScenario, fetchRoutePlan, fetchRouteScenario, fetchRouteScenarios, readStopList } from './logistics-client';
import type { DepotDraft, RoutePlan, RouteScenarioSummary, StopDraft, StopListReading, VanDraft } from './logistics-types';
import { buildRouteRequest, draftsOfScenario } from './route-request';
import { mergeStops, stopsFromNeedSignals } from './stop-drafts';

export type MissingInput = 'depots' | 'stops' | 'fleet';

/** A van kind to start from: a 9-seat minibus of a social service, a working day. */
export function defaultVan(name: string, depot = 0): VanDraft {
  return { name, count: 1, capacity: 40, from: '08:00', to: '16:00', costPerKm: 150, depot };
}

function warehouseDepot(feature: WarehouseFeature): DepotDraft {
  const [lon = 0, lat = 0] = feature.geometry.coordinates;
  return { key: `warehouse:${feature.properties.id}`, name: feature.properties.name, detail: feature.properties.settlementName, position: [lon, lat], input: { warehouseId: feature.properties.id } };
}

/**
 * The logistics panel: the warehouses and need signals to choose from, the chosen depots, stops
 * and vans, and the plan the server made of them.
 */
export class LogisticsState {
  warehouses = $state.raw<WarehouseFeature[]>([]);
  needSignals = $state.raw<NeedSignalFeature[]>([]);
  loadError = $state.raw<unknown>(null);
  loaded = $state(false);

  depots = $state.raw<DepotDraft[]>([]);
  stops = $state.raw<StopDraft[]>([]);
  vans = $state.raw<VanDraft[]>([]);
  serviceMinutes = $state(10);
  timeLimitSeconds = $state(10);

  stopList = $state.raw<StopListReading | null>(null);
  stopListError = $state.raw<unknown>(null);

  plan = $state.raw<RoutePlan | null>(null);
  /** The stops as they were sent with the plan shown (the request's stop indices point here). */
  plannedStops = $state.raw<StopDraft[]>([]);
  readonly request = new LatestRequest();
  /** The last run was cancelled by the user (cleared by the next one). */
  cancelled = $state(false);

  /** The saved route plans, newest first, and the one shown (every answered run is saved). */
  scenarios = $state.raw<RouteScenarioSummary[]>([]);
  scenarioId = $state<number | null>(null);
  scenariosError = $state.raw<unknown>(null);
  readonly scenarioRequest = new LatestRequest();
  get loading(): boolean {
    return this.request.loading;
  }
  get error(): unknown {
    return this.request.error;
  }

  readonly #vanName: () => string;
  readonly #planName: () => string;

  /** `vanName` gives the default name of a van in the page's language, `planName` that of a saved plan. */
  constructor(vanName: () => string, planName: () => string) {
    this.#vanName = vanName;
    this.#planName = planName;
    this.vans = [defaultVan(vanName())];
  }

  get missing(): MissingInput | null {
    if (this.depots.length === 0) return 'depots';
    if (this.stops.length === 0) return 'stops';
    if (this.vans.every((van) => van.count <= 0)) return 'fleet';
    return null;
  }

  async load(): Promise<void> {
    try {
      const [warehouses, needSignals] = await Promise.all([fetchOrgLayer('warehouses'), fetchOrgLayer('need-signals')]);
      this.warehouses = warehouses.features;
      this.needSignals = needSignals.features;
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loaded = true;
    }
  }

  isWarehouseChosen(id: number): boolean {
    return this.depots.some((depot) => depot.key === `warehouse:${id}`);
  }

  toggleWarehouse(feature: WarehouseFeature): void {
    const depot = warehouseDepot(feature);
    if (this.depots.some((entry) => entry.key === depot.key)) this.removeDepot(depot.key);
    else this.#addDepot(depot);
  }

  addSettlementDepot(result: SearchResult): void {
    this.#addDepot({ key: `settlement:${result.code}`, name: result.name, detail: result.context, position: result.point, input: { settlementCode: result.code } });
  }

  removeDepot(key: string): void {
    const index = this.depots.findIndex((depot) => depot.key === key);
    if (index < 0) return;
    this.depots = this.depots.filter((depot) => depot.key !== key);
    // Vans keep their depot where it stays; those of the removed one move to the first.
    this.vans = this.vans.map((van) => ({ ...van, depot: van.depot === index ? 0 : van.depot > index ? van.depot - 1 : van.depot }));
  }

  addNeedSignalStops(): void {
    this.stops = mergeStops(this.stops, stopsFromNeedSignals(this.needSignals));
  }

  addSettlementStop(settlement: { code: string; name: string; position: [number, number] }): void {
    this.stops = mergeStops(this.stops, [{ key: settlement.code, settlementCode: settlement.code, name: settlement.name, position: settlement.position, delivery: 1, pickup: 0, window: null, amountSource: 'given' }]);
  }

  /** A click on the map's settlement: adds it as a stop, or removes it when it is one. */
  toggleSettlementStop(settlement: { code: string; name: string; position: [number, number] }): void {
    if (this.stops.some((stop) => stop.key === settlement.code)) this.removeStop(settlement.code);
    else this.addSettlementStop(settlement);
  }

  updateStop(key: string, change: Partial<Pick<StopDraft, 'delivery' | 'pickup' | 'window'>>): void {
    this.stops = this.stops.map((stop) => (stop.key === key ? { ...stop, ...change, amountSource: 'delivery' in change ? 'given' : stop.amountSource } : stop));
  }

  removeStop(key: string): void {
    this.stops = this.stops.filter((stop) => stop.key !== key);
  }

  clearStops(): void {
    this.stops = [];
  }

  async loadStopList(file: File): Promise<void> {
    this.stopListError = null;
    try {
      const reading = await readStopList(file);
      this.stopList = reading;
      this.stops = mergeStops(
        this.stops,
        reading.stops.map((stop) => ({
          key: stop.settlementCode,
          settlementCode: stop.settlementCode,
          name: stop.name,
          position: [stop.lon, stop.lat],
          delivery: stop.delivery,
          pickup: stop.pickup ?? 0,
          window: stop.window ?? null,
          amountSource: 'given',
        })),
      );
    } catch (error) {
      this.stopListError = error;
    }
  }

  addVan(): void {
    this.vans = [...this.vans, defaultVan(this.#nextVanName(), Math.min(this.vans.length, Math.max(0, this.depots.length - 1)))];
  }

  /**
   * A new kind of van is lettered ("Kisbusz B"): the plan numbers the vans of a kind ("Kisbusz 1",
   * "Kisbusz 2"), so a numbered kind would read like one of them.
   */
  #nextVanName(): string {
    const names = new Set(this.vans.map((van) => van.name));
    for (let letter = 1; ; letter++) {
      const name = `${this.#vanName()} ${String.fromCharCode(65 + (letter % 26))}${letter >= 26 ? Math.floor(letter / 26) : ''}`;
      if (!names.has(name)) return name;
    }
  }

  updateVan(index: number, change: Partial<VanDraft>): void {
    this.vans = this.vans.map((van, position) => (position === index ? { ...van, ...change } : van));
  }

  removeVan(index: number): void {
    this.vans = this.vans.filter((_, position) => position !== index);
  }

  async run(): Promise<void> {
    if (this.missing) return;
    const stops = this.stops;
    this.cancelled = false;
    await this.request.run(async (signal) => {
      const request = buildRouteRequest(this.depots, stops, this.vans, { serviceMinutes: this.serviceMinutes, timeLimitSeconds: this.timeLimitSeconds });
      const { scenario, ...plan } = await fetchRoutePlan({ ...request, name: this.#planName() }, signal);
      this.plan = plan;
      this.plannedStops = stops;
      this.scenarioId = scenario.id;
      this.scenarios = [scenario, ...this.scenarios.filter((entry) => entry.id !== scenario.id)];
    });
  }

  /** Stops a running plan: the request is aborted, and the server stops its search with it. */
  cancel(): void {
    if (!this.request.loading) return;
    this.request.cancel();
    this.cancelled = true;
  }

  /**
   * Lists the saved plans and shows `preferredId` (a link or the address after a reload), else the
   * newest, unless the user planned something meanwhile.
   */
  async loadScenarios(preferredId: number | null, options: { open?: boolean } = {}): Promise<void> {
    try {
      this.scenarios = await fetchRouteScenarios();
      this.scenariosError = null;
    } catch (error) {
      this.scenariosError = error;
      return;
    }
    // A problem handed over by another page (a donation allocation's) is not replaced by a saved plan.
    if (options.open === false) return;
    const chosen = this.scenarios.find((entry) => entry.id === preferredId) ?? this.scenarios[0];
    if (chosen && this.plan === null && !this.request.loading) await this.openScenario(chosen.id);
  }

  /** Shows a saved plan with the depots, stops and vans it was made of. */
  async openScenario(id: number): Promise<void> {
    await this.scenarioRequest.run(async (signal) => {
      const scenario = await fetchRouteScenario(id, signal);
      const drafts = draftsOfScenario(scenario, { serviceMinutes: this.serviceMinutes, timeLimitSeconds: this.timeLimitSeconds });
      this.depots = drafts.depots;
      this.stops = drafts.stops;
      this.vans = drafts.vans;
      this.serviceMinutes = drafts.serviceMinutes;
      this.timeLimitSeconds = drafts.timeLimitSeconds;
      this.plan = scenario.plan;
      this.plannedStops = drafts.stops;
      this.scenarioId = scenario.id;
      this.cancelled = false;
    });
  }

  /** Takes a whole route problem prepared elsewhere (a donation allocation's warehouse): its depots, stops and vans, no plan yet. */
  useProblem(drafts: { depots: DepotDraft[]; stops: StopDraft[]; vans: VanDraft[]; serviceMinutes?: number | undefined; timeLimitSeconds?: number | undefined }): void {
    this.request.cancel();
    this.depots = drafts.depots;
    this.stops = drafts.stops;
    this.vans = drafts.vans.length > 0 ? drafts.vans : [defaultVan(this.#vanName())];
    if (drafts.serviceMinutes !== undefined) this.serviceMinutes = drafts.serviceMinutes;
    if (drafts.timeLimitSeconds !== undefined) this.timeLimitSeconds = drafts.timeLimitSeconds;
    this.plan = null;
    this.plannedStops = [];
    this.scenarioId = null;
    this.cancelled = false;
  }

  async deleteScenario(id: number): Promise<void> {
    await this.scenarioRequest.run(async () => {
      await deleteRouteScenario(id);
      this.scenarios = this.scenarios.filter((entry) => entry.id !== id);
      if (this.scenarioId === id) this.scenarioId = null;
    });
  }

  destroy(): void {
    this.request.destroy();
    this.scenarioRequest.destroy();
  }

  #addDepot(depot: DepotDraft): void {
    if (this.depots.some((entry) => entry.key === depot.key)) return;
    this.depots = [...this.depots, depot];
    // A second depot gets a van of its own to start with.
    if (this.depots.length > this.vans.length) this.vans = [...this.vans, defaultVan(this.#nextVanName(), this.depots.length - 1)];
  }
}
