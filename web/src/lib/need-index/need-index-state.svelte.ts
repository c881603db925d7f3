import { createNeedIndex, deleteNeedIndex, fetchNeedIndices } from './need-index-client';
import type { CreatedNeedIndex, NeedIndexComponent, SavedNeedIndex } from './need-index-types';

export const MAX_COMPONENTS = 12;
export const DEFAULT_WEIGHT = 1;

/** The need index builder: a draft (name, indicators and weights), saving, and the saved ones. */
export class NeedIndexState {
  name = $state('');
  components = $state<NeedIndexComponent[]>([]);
  saved = $state.raw<SavedNeedIndex[] | null>(null);
  created = $state.raw<CreatedNeedIndex | null>(null);
  saving = $state(false);
  error = $state.raw<unknown>(null);
  listError = $state.raw<unknown>(null);

  readonly #onChange: () => void;

  /** `onChange` runs after a save or delete (the indicator catalog then has to be reloaded). */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  async load(): Promise<void> {
    try {
      this.saved = await fetchNeedIndices();
      this.listError = null;
    } catch (error) {
      this.listError = error;
    }
  }

  /** Adds an indicator, or a need-signal component (`need_signals`, `need_signals:food`, ...), by its key. */
  addComponent(key: string): void {
    if (this.components.length >= MAX_COMPONENTS || this.components.some((entry) => entry.indicatorKey === key)) return;
    this.components.push({ indicatorKey: key, weight: DEFAULT_WEIGHT });
  }

  removeComponent(key: string): void {
    this.components = this.components.filter((entry) => entry.indicatorKey !== key);
  }

  get canSave(): boolean {
    return this.name.trim().length >= 2 && this.components.length > 0 && this.components.every((entry) => entry.weight > 0 && entry.weight <= 100);
  }

  async save(): Promise<void> {
    if (!this.canSave || this.saving) return;
    this.saving = true;
    this.error = null;
    try {
      this.created = await createNeedIndex(this.name.trim(), $state.snapshot(this.components));
      this.name = '';
      this.components = [];
      await this.load();
      this.#onChange();
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  async remove(key: string): Promise<void> {
    this.error = null;
    try {
      await deleteNeedIndex(key);
      if (this.created?.key === key) this.created = null;
      await this.load();
      this.#onChange();
    } catch (error) {
      this.error = error;
    }
  }
}
