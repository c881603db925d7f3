import type { UnitLevel } from '$lib/api/contract';
import { isAbortError } from '$lib/api/api-error';
import { fetchAreaProfile, fetchSettlementProfile } from './profile-client';
import type { AreaProfile, SettlementProfile } from './profile-types';

export interface SelectedUnit {
  level: UnitLevel;
  code: string;
  name: string;
}

/**
 * The unit the user clicked or searched for, with its profile from the API: a settlement's
 * (`profile`), or a district's or county's (`area`).
 */
export class SelectionState {
  unit = $state.raw<SelectedUnit | null>(null);
  profile = $state.raw<SettlementProfile | null>(null);
  area = $state.raw<AreaProfile | null>(null);
  loading = $state(false);
  error = $state.raw<unknown>(null);

  #controller: AbortController | null = null;

  select(unit: SelectedUnit): void {
    this.#controller?.abort();
    this.unit = unit;
    this.profile = null;
    this.area = null;
    this.error = null;

    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    const loaded =
      unit.level === 'settlement'
        ? fetchSettlementProfile(unit.code, controller.signal).then((profile) => {
            if (this.#controller === controller) this.profile = profile;
          })
        : fetchAreaProfile(unit.level, unit.code, controller.signal).then((area) => {
            if (this.#controller === controller) this.area = area;
          });
    loaded
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
    this.area = null;
    this.error = null;
    this.loading = false;
  }
}
