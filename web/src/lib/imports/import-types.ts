import type { Localized } from '$lib/api/contract';

/** The kinds of the organisations' own data (`POST /api/imports/:kind`). */
export type ImportKind = 'institutions' | 'warehouses' | 'segregated-areas' | 'need-signals';

export const IMPORT_KINDS: readonly ImportKind[] = ['institutions', 'warehouses', 'segregated-areas', 'need-signals'];

/** 'all-or-nothing': any error stops the import; 'skip-invalid': the valid rows are imported. */
export type ImportPolicy = 'all-or-nothing' | 'skip-invalid';

export type ImportEncoding = 'utf-8' | 'windows-1250';
export type ImportDelimiter = ';' | ',' | '\t';

export interface ImportProblem {
  severity: 'error' | 'warning';
  /** Stable code, e.g. COORDINATES_SWAPPED, UNKNOWN_SETTLEMENT. */
  code: string;
  /** Row in the file (line of a CSV, row of a sheet, feature number); null for the whole file. */
  row: number | null;
  /** Where, for people: `line 7`, `header`, `file`. */
  location: string | null;
  column: string | null;
  message: Localized;
}

export type ImportValue = string | number | null;

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  /** EPSG codes of the coordinates found (4326 WGS 84, 23700 EOV). */
  coordinateSystems: number[];
  /** Field -> the file column it was read from. */
  columns: Record<string, string>;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  problems: ImportProblem[];
  /** The first valid rows as they would be imported. */
  preview: { row: number; settlement: string; values: Record<string, ImportValue> }[];
}

/** The answer of `POST /api/imports/:kind`. */
export interface ImportOutcome {
  /** 'validated': a dry run; 'imported': rows written; 'rejected': errors under the policy, nothing written. */
  status: 'validated' | 'imported' | 'rejected';
  importId: number | null;
  written: number;
  policy: ImportPolicy;
  report: ImportReport;
}

/** One entry of `GET /api/imports`. */
export interface ImportRun {
  id: number;
  kind: ImportKind;
  fileName: string;
  importedBy: string;
  /** ISO 8601, UTC. */
  importedAt: string;
  rowCount: number;
  importedCount: number;
  skippedCount: number;
  warningCount: number;
  status: 'active' | 'rolled-back';
  rolledBackAt: string | null;
}

export interface ImportRunList {
  imports: ImportRun[];
}

export interface RollbackResult {
  id: number;
  removed: number;
}

/** A service type of the controlled list (`GET /api/imports/institution-types`). */
export interface InstitutionType {
  key: string;
  nameHu: string;
  nameEn: string;
  /** False for the types an admin added. */
  builtin: boolean;
}

export interface InstitutionTypeList {
  types: InstitutionType[];
}
