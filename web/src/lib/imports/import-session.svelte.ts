import { isAbortError } from '$lib/api/api-error';
import type { MessageKey } from '$lib/i18n/dictionary';
import { announceImportChange } from './import-events';
import { DEFAULT_IMPORT_OPTIONS, hasAcceptedExtension, type ImportOptions } from './import-options';
import { IMPORT_KINDS, type ImportKind, type ImportOutcome, type InstitutionType } from './import-types';
import { fetchInstitutionTypes, submitImport } from './imports-client';
import { importBlockedReason } from './report-view';

const IMPORTER_KEY = 'terep.importer';

function readStoredImporter(): string {
  try {
    return globalThis.localStorage?.getItem(IMPORTER_KEY) ?? '';
  } catch {
    return '';
  }
}

export type ImportStep = 'validate' | 'import';

/** A failure of the last request, with what was being done. */
export interface SessionProblem {
  context: MessageKey;
  error: unknown;
}

/**
 * One upload on the import page: the chosen kind, file and options, the check (a dry run) and
 * the import that follows it. A report belongs to the input it was made for: changing the kind,
 * the file, the encoding or the delimiter clears it, so "Import" always commits what was checked.
 */
export class ImportSession {
  /** The kinds the user may import (the server's rules); the first is chosen at the start. */
  readonly kinds: readonly ImportKind[];
  kind = $state<ImportKind>('institutions');
  file = $state.raw<File | null>(null);
  /** A file the user offered that the importer cannot read (its name). */
  rejectedFileName = $state<string | null>(null);
  options = $state.raw<ImportOptions>(DEFAULT_IMPORT_OPTIONS);
  importedBy = $state(readStoredImporter());

  /** What runs now, and how much of its upload was sent (null: the server is working). */
  running = $state<ImportStep | null>(null);
  uploadFraction = $state<number | null>(null);

  outcome = $state.raw<ImportOutcome | null>(null);
  problem = $state.raw<SessionProblem | null>(null);
  /** The controlled list of service types: the guide lists them, the preview names them. */
  institutionTypes = $state.raw<InstitutionType[]>([]);

  #controller: AbortController | null = null;

  readonly canValidate = $derived(this.file !== null && this.running === null);

  /** Why "Import" is disabled (null when it is not). */
  readonly importBlocked: MessageKey | null = $derived.by(() => {
    const outcome = this.outcome;
    if (!outcome || outcome.status !== 'validated') return 'import.action.needsCheck';
    return importBlockedReason(outcome, this.options.policy);
  });

  readonly canImport = $derived(this.file !== null && this.running === null && this.importBlocked === null);

  constructor(kinds: readonly ImportKind[] = IMPORT_KINDS) {
    this.kinds = kinds;
    if (kinds[0] !== undefined && !kinds.includes(this.kind)) this.kind = kinds[0];
  }

  loadInstitutionTypes(): void {
    fetchInstitutionTypes()
      .then((list) => (this.institutionTypes = list.types))
      .catch(() => undefined); // Without it the guide omits the list and the preview shows type keys.
  }

  setKind(kind: ImportKind): void {
    if (kind === this.kind) return;
    this.kind = kind;
    this.#inputChanged();
  }

  setFile(file: File | null): void {
    this.rejectedFileName = null;
    if (file && !hasAcceptedExtension(file.name)) {
      this.rejectedFileName = file.name;
      return;
    }
    this.file = file;
    this.#inputChanged();
  }

  setOptions(patch: Partial<ImportOptions>): void {
    const previous = this.options;
    this.options = { ...previous, ...patch };
    // The policy only decides what "Import" writes; the check's report stays valid.
    if (this.options.encoding !== previous.encoding || this.options.delimiter !== previous.delimiter) this.#inputChanged();
  }

  setImportedBy(name: string): void {
    this.importedBy = name;
    try {
      globalThis.localStorage?.setItem(IMPORTER_KEY, name);
    } catch {
      // Storage can be disabled; the name then lasts for the page.
    }
  }

  /** A dry run: the report of what would be imported. Nothing is written. */
  validate(): Promise<void> {
    return this.#submit('validate');
  }

  /** Commits the checked file under the chosen policy. */
  commit(): Promise<void> {
    return this.#submit('import');
  }

  cancel(): void {
    this.#controller?.abort();
  }

  dismissProblem(): void {
    this.problem = null;
  }

  async #submit(step: ImportStep): Promise<void> {
    const file = this.file;
    if (!file || this.running) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.running = step;
    this.uploadFraction = 0;
    this.problem = null;
    if (step === 'validate') this.outcome = null;
    try {
      const outcome = await submitImport(
        { kind: this.kind, file, options: this.options, importedBy: this.importedBy, dryRun: step === 'validate' },
        {
          signal: controller.signal,
          onUploadProgress: (fraction) => {
            // Once the body is sent the server reads and checks it: show that as "working".
            this.uploadFraction = fraction >= 1 ? null : fraction;
          },
        },
      );
      if (this.#controller !== controller) return;
      this.outcome = outcome;
      if (outcome.status === 'imported') announceImportChange();
    } catch (error) {
      if (this.#controller === controller && !isAbortError(error)) {
        this.problem = { context: step === 'validate' ? 'import.error.validate' : 'import.error.import', error };
      }
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.running = null;
        this.uploadFraction = null;
      }
    }
  }

  #inputChanged(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.running = null;
    this.uploadFraction = null;
    this.problem = null;
    // An import that happened stays on screen until the next check; a mere check goes stale.
    if (this.outcome?.status !== 'imported') this.outcome = null;
  }
}
