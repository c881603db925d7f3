import type { ProgrammeInput, ProgrammeSummary } from '@terep/db/contract';
import { createProgramme, fetchProgrammes } from './programmes-client';

/** The programme list page: the programmes the API knows and the form for a new one. */
export class ProgrammeListState {
  programmes = $state.raw<ProgrammeSummary[] | null>(null);
  loading = $state(false);
  loadError = $state.raw<unknown>(null);
  saving = $state(false);
  saveError = $state.raw<unknown>(null);

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.programmes = (await fetchProgrammes()).programmes;
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  /** Creates a programme; its id (the page opens it), or null when refused (the error is kept). */
  async create(input: ProgrammeInput): Promise<number | null> {
    this.saving = true;
    this.saveError = null;
    try {
      const { id } = await createProgramme(input);
      await this.load();
      return id;
    } catch (error) {
      this.saveError = error;
      return null;
    } finally {
      this.saving = false;
    }
  }
}
