import type { AreaLevel, GapAnswer, GapRow } from '@terep/db/contract';
import { isAbortError } from '$lib/api/api-error';
import { fetchGaps } from './programmes-client';

/** The need measure of the gap view that is not an indicator (`GET /api/gaps?need=need_signals`). */
export const NEED_SIGNALS = 'need_signals';

/** Gap (high need, no programme, no helper) deep orange; reached places blue; the rest light: as the coverage map. */
export const GAP_COLORS = {
  gap: 'rgba(166, 54, 3, 0.88)',
  reached: 'rgba(44, 123, 182, 0.55)',
  other: 'rgba(245, 151, 70, 0.45)',
} as const;

/** The gap view: its choices, the ranked answer and the settlement fills drawn from it. */
export class GapState {
  level = $state<AreaLevel>('settlement');
  need = $state<string>(NEED_SIGNALS);
  radiusKm = $state<number>(15);
  onlyGaps = $state(true);

  answer = $state.raw<GapAnswer | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);

  #controller: AbortController | null = null;

  /** The API takes whole kilometres, 0–200. */
  readonly canRun: boolean = $derived(Number.isInteger(this.radiusKm) && this.radiusKm >= 0 && this.radiusKm <= 200 && this.need !== '');

  /** The rows the list shows: the gaps only, or every ranked place. */
  readonly rows: GapRow[] = $derived((this.answer?.rows ?? []).filter((row) => !this.onlyGaps || row.gap));

  /** Settlement fills of a settlement-level answer (the map's tiles are settlements). */
  readonly fills: ReadonlyMap<string, string> | null = $derived.by(() => {
    const answer = this.answer;
    if (!answer || answer.level !== 'settlement') return null;
    const fills = new Map<string, string>();
    for (const row of answer.rows) {
      fills.set(row.code, row.gap ? GAP_COLORS.gap : row.programmePresent || row.helperPresent ? GAP_COLORS.reached : GAP_COLORS.other);
    }
    return fills;
  });

  async run(): Promise<void> {
    if (!this.canRun) return;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    try {
      const answer = await fetchGaps({ level: this.level, need: this.need, radiusKm: this.radiusKm, limit: 200 }, controller.signal);
      if (this.#controller === controller) this.answer = answer;
    } catch (error) {
      if (this.#controller === controller && !isAbortError(error)) this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }

  destroy(): void {
    this.#controller?.abort();
  }
}
