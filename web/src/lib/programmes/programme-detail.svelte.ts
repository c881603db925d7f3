import type { ActivityInput, PartnerRecord, ProgrammeDetail, ProgrammeInput, ProgrammeService, ProjectInput, ProjectTargetsInput } from '@terep/db/contract';
import { isAbortError } from '$lib/api/api-error';
import type { AreaCollection } from './programmes-client';
import { createActivity, createProject, fetchPartners, fetchProgramme, fetchProgrammeAreas, fetchServices, replaceTargets, updateProgramme } from './programmes-client';

/** Which edit form is open on the programme page. */
export type OpenForm = { kind: 'programme' } | { kind: 'project' } | { kind: 'activity'; projectId: number } | { kind: 'targets'; projectId: number } | null;

/** One programme's page: its details and action areas, and the edits its editors make. */
export class ProgrammeDetailState {
  detail = $state.raw<ProgrammeDetail | null>(null);
  areas = $state.raw<AreaCollection | null>(null);
  loadError = $state.raw<unknown>(null);
  areasError = $state.raw<unknown>(null);
  form = $state.raw<OpenForm>(null);
  saving = $state(false);
  saveError = $state.raw<unknown>(null);
  /** Set after a save went through (a polite status line), cleared by the next form. */
  saved = $state(false);

  readonly #id: number;
  #controller: AbortController | null = null;

  constructor(id: number) {
    this.#id = id;
  }

  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const [detail, areas] = await Promise.allSettled([fetchProgramme(this.#id, controller.signal), fetchProgrammeAreas(this.#id, controller.signal)]);
    if (this.#controller !== controller) return;
    if (detail.status === 'fulfilled') {
      this.detail = detail.value;
      this.loadError = null;
    } else if (!isAbortError(detail.reason)) this.loadError = detail.reason;
    if (areas.status === 'fulfilled') {
      this.areas = areas.value;
      this.areasError = null;
    } else if (!isAbortError(areas.reason)) this.areasError = areas.reason;
  }

  /** The partners and services a new project may name (asked when its form opens). */
  partners = $state.raw<PartnerRecord[]>([]);
  services = $state.raw<ProgrammeService[]>([]);

  open(form: OpenForm): void {
    this.form = form;
    this.saveError = null;
    this.saved = false;
    if (form?.kind === 'project') void this.#loadChoices();
  }

  async #loadChoices(): Promise<void> {
    try {
      const [partners, services] = await Promise.all([fetchPartners(), fetchServices()]);
      this.partners = partners.partners;
      this.services = services.services;
    } catch (error) {
      this.saveError = error;
    }
  }

  saveProgramme(input: ProgrammeInput): Promise<void> {
    return this.#save(() => updateProgramme(this.#id, input));
  }

  addProject(input: ProjectInput): Promise<void> {
    return this.#save(() => createProject(this.#id, input));
  }

  addActivity(projectId: number, input: ActivityInput): Promise<void> {
    return this.#save(() => createActivity(projectId, input));
  }

  saveTargets(projectId: number, input: ProjectTargetsInput): Promise<void> {
    return this.#save(() => replaceTargets(projectId, input));
  }

  destroy(): void {
    this.#controller?.abort();
  }

  async #save(write: () => Promise<unknown>): Promise<void> {
    this.saving = true;
    this.saveError = null;
    try {
      await write();
      this.form = null;
      this.saved = true;
      await this.load();
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}
