import type { ImportDelimiter, ImportEncoding, ImportKind, ImportPolicy } from './import-types';

/** What the user chose beside the file; 'auto' leaves the detection to the server. */
export interface ImportOptions {
  encoding: ImportEncoding | 'auto';
  delimiter: ImportDelimiter | 'auto';
  policy: ImportPolicy;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { encoding: 'auto', delimiter: 'auto', policy: 'all-or-nothing' };

export const ENCODING_CHOICES: readonly ImportOptions['encoding'][] = ['auto', 'utf-8', 'windows-1250'];
export const DELIMITER_CHOICES: readonly ImportOptions['delimiter'][] = ['auto', ';', ',', '\t'];

/** The file types the importer reads, for the file picker. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx', '.geojson', '.json', '.zip', '.gpkg'] as const;

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  options: ImportOptions;
  importedBy: string;
  /** True: validate only and write nothing. */
  dryRun: boolean;
}

/** The multipart form `POST /api/imports/:kind` expects. */
export function buildImportForm(request: ImportRequest): FormData {
  const form = new FormData();
  form.set('file', request.file, request.file.name);
  form.set('dryRun', request.dryRun ? 'true' : 'false');
  form.set('policy', request.options.policy);
  if (request.options.encoding !== 'auto') form.set('encoding', request.options.encoding);
  if (request.options.delimiter !== 'auto') form.set('delimiter', request.options.delimiter);
  const importedBy = request.importedBy.trim();
  if (importedBy) form.set('importedBy', importedBy);
  return form;
}

/** Whether a file's name ends in one of the accepted extensions. */
export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
