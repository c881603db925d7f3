import type { UnitLevel } from '$lib/api/contract';
import { isAbortError } from '$lib/api/api-error';
import { fetchSettlementProfile } from './profile-client';
import type { SettlementProfile } from './profile-types';

export interface SelectedUnit {
  level: UnitLevel;
  code: string;
  name: string;
}

/**
 * The unit the user clicked or searched for. Settlements get their full profile from the
 * API; districts and counties show their name and the current indicator value.
 */
export class SelectionState {
  unit = $state.raw<SelectedUnit | null>(null);
  profile = $state.raw<SettlementProfile | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);

  #controller: AbortController | null = null;

  select(unit: SelectedUnit): void {
    this.#controller?.abort();
    this.unit = unit;
    this.profile = null;
    this.error = null;
    this.loading = false;
    if (unit.level !== 'settlement') return;

    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    fetchSettlementProfile(unit.code, controller.signal)
      .then((profile) => {
        if (this.#controller === controller) this.profile = profile;
      })
      .catch((error: unknown) => {
        if (this.#controller === controller && !isAbortError(error)) this.error = error;
      })
      .finally(() => {
        if (this.#controller === controller) this.loading = false;
      });
  }

  retry(): void {
    if (this.unit) this.select(this.unit);
  }

  clear(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.unit = null;
    this.profile = null;
    this.error = null;
    this.loading = false;
  }
}
