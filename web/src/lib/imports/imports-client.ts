import { fetchJson } from '$lib/api/fetch-json';
import { postForm } from '$lib/api/post-form';
import { buildImportForm, type ImportRequest } from './import-options';
import type { ImportOutcome, ImportRunList, InstitutionTypeList, RollbackResult } from './import-types';

/** Sends a file to the one validation path; a dry run writes nothing. */
export function submitImport(
  request: ImportRequest,
  options: { onUploadProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<ImportOutcome> {
  return postForm<ImportOutcome>(`/api/imports/${encodeURIComponent(request.kind)}`, buildImportForm(request), options);
}

export function fetchImportRuns(signal?: AbortSignal): Promise<ImportRunList> {
  return fetchJson<ImportRunList>('/api/imports', { signal, cache: 'no-store' });
}

/** Removes every row an import brought; the record stays, marked rolled back. */
export function rollbackImport(id: number): Promise<RollbackResult> {
  return fetchJson<RollbackResult>(`/api/imports/${id}`, { method: 'DELETE' });
}

export function fetchInstitutionTypes(signal?: AbortSignal): Promise<InstitutionTypeList> {
  return fetchJson<InstitutionTypeList>('/api/imports/institution-types', { signal, cache: 'no-store' });
}
